import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { envSchema } from './env.schema';

/** The parsed, validated configuration. The only place that reads process.env. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /** The server's version (server/package.json), reported by /api/health. */
  version: string;
  port: number;
  host: string;
  publicUrl: string;
  allowedOrigins: string[];
  database:
    | ({ mode: 'postgres'; url: string; poolSize: number } & DatabaseTimeouts)
    | { mode: 'embedded'; dataDir: string | null };
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number } | null;
  mail: { smtpUrl: string | null; from: string };
  session: { ttlDays: number; cookieSecure: boolean; cookieName: string };
  trustProxy: boolean | number;
  logLevel: string;
  seedDemo: boolean;
  clientDist: string;
  loginLimits: LoginLimitsConfig;
  collab: CollabConfig;
  notifications: NotificationsConfig;
  /** Period (ms) of the meeting reminders job (server/src/modules/meetings/calendar). */
  meetingReminderIntervalMs: number;
  realtime: RealtimeConfig;
  files: FilesConfig;
  push: PushConfig;
}

/** Web Push to members' devices (server/src/modules/push). */
export interface PushConfig {
  /** The VAPID subject: how a push service may contact the operator (`mailto:` or `https:`). */
  subject: string;
  /** Endpoints on http://127.0.0.1 or http://localhost are accepted (a local push service in tests). */
  allowLocalEndpoints: boolean;
}

/** Where uploaded files live and how large they may be (server/src/modules/files, docs/FILES.md). */
export interface FilesConfig {
  store: 'postgres';
  maxFileBytes: number;
  maxFicheBytes: number;
  /** How long a file no text refers to still counts and is kept (ms), and a new upload counts. */
  unusedGraceMs: number;
}

/** Failure budgets per hour of sign-in and password reset requests (server/src/modules/auth). */
export interface LoginLimitsConfig {
  failuresPerAccountAndAddress: number;
  failuresPerAccount: number;
  failuresPerAddress: number;
  passwordResetsPerAccount: number;
  passwordResetsPerAddress: number;
}

/**
 * Bounds on every call to a PostgreSQL server (server/src/infra/database/data-source.ts), so a partition
 * answers 503 instead of hanging; absent: pg's own (none). The embedded database runs in the process and
 * cannot be partitioned.
 */
export interface DatabaseTimeouts {
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

/** Limits and timings of the Socket.IO layer and presence (server/src/realtime). */
export interface RealtimeConfig {
  maxPayloadBytes: number;
  ackTimeoutMs: number;
  messagesPerMinute: number;
  revalidateIntervalMs: number;
  presenceHeartbeatMs: number;
  presenceTtlMs: number;
}

/** Timings of mention emails and the daily digest (server/src/modules/notifications). */
export interface NotificationsConfig {
  mentionEmailDelayMs: number;
  jobIntervalMs: number;
  /** Local hour in `digestTimeZone` from which the daily digest goes out. */
  digestHour: number;
  digestTimeZone: string;
  /** Days before its due date that an action's owner is told it is due soon. */
  actionDueDays: number;
}

/** Limits and timings of the realtime documents (server/src/collab). */
export interface CollabConfig {
  maxFrameBytes: number;
  maxDocumentBytes: number;
  flushDelayMs: number;
  compactAfterUpdates: number;
  unloadDelayMs: number;
  revalidateIntervalMs: number;
  storedEventDelayMs: number;
}

/** Thrown when the environment is invalid; its message lists every bad variable by name. */
export class ConfigError extends Error {}

/** Parses and validates an environment (process.env by default). Throws ConfigError naming each bad variable. */
/** The version in server/package.json (two folders up from src/config or dist/config). */
function serverVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration invalide:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && env.SEED_DEMO === true) {
    throw new ConfigError(
      'Configuration invalide:\n  SEED_DEMO: les comptes de démonstration sont refusés en production',
    );
  }
  if (production && env.PUSH_ALLOW_LOCAL_ENDPOINTS) {
    throw new ConfigError(
      'Configuration invalide:\n  PUSH_ALLOW_LOCAL_ENDPOINTS: les services de notification locaux sont refusés en production',
    );
  }
  const databaseTimeouts: DatabaseTimeouts = {
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
  };
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  // Outside production, the same app reached as 127.0.0.1 and the Vite dev server are the developer's own.
  const localOrigins = production ? [] : [`http://127.0.0.1:${env.PORT}`, 'http://localhost:5173'];
  const allowedOrigins = env.ALLOWED_ORIGINS
    ? env.ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean)
    : [...new Set([publicUrl, ...localOrigins])];
  return {
    version: serverVersion(),
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    allowedOrigins,
    database: env.DATABASE_URL
      ? { mode: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, ...databaseTimeouts }
      : { mode: 'embedded', dataDir: env.DATA_DIR === ':memory:' ? null : path.resolve(env.DATA_DIR) },
    redis: env.REDIS_URL
      ? {
          url: env.REDIS_URL,
          keyPrefix: env.REDIS_KEY_PREFIX,
          commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
        }
      : null,
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM },
    session: {
      ttlDays: env.SESSION_TTL_DAYS,
      cookieSecure: env.COOKIE_SECURE === 'auto' ? production : env.COOKIE_SECURE === 'true',
      cookieName: 'affluents_session',
    },
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.SEED_DEMO ?? !production,
    clientDist: path.resolve(env.CLIENT_DIST ?? path.join(__dirname, '..', '..', '..', 'client', 'dist')),
    loginLimits: {
      failuresPerAccountAndAddress: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
      failuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      failuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      passwordResetsPerAccount: env.PASSWORD_RESET_MAX_PER_ACCOUNT,
      passwordResetsPerAddress: env.PASSWORD_RESET_MAX_PER_ADDRESS,
    },
    collab: {
      maxFrameBytes: env.COLLAB_MAX_FRAME_BYTES,
      maxDocumentBytes: env.COLLAB_MAX_DOCUMENT_BYTES,
      flushDelayMs: env.COLLAB_FLUSH_DELAY_MS,
      compactAfterUpdates: env.COLLAB_COMPACT_AFTER_UPDATES,
      unloadDelayMs: env.COLLAB_UNLOAD_DELAY_MS,
      revalidateIntervalMs: env.COLLAB_REVALIDATE_INTERVAL_MS,
      storedEventDelayMs: env.COLLAB_STORED_EVENT_DELAY_MS,
    },
    notifications: {
      mentionEmailDelayMs: env.NOTIFY_MENTION_EMAIL_DELAY_MS,
      jobIntervalMs: env.NOTIFY_JOB_INTERVAL_MS,
      digestHour: env.DIGEST_HOUR,
      // The network lives in Wallonia and Brussels: "each morning" means Brussels mornings.
      digestTimeZone: 'Europe/Brussels',
      actionDueDays: env.NOTIFY_ACTION_DUE_DAYS,
    },
    meetingReminderIntervalMs: env.MEETING_REMINDER_INTERVAL_MS,
    realtime: {
      maxPayloadBytes: env.REALTIME_MAX_PAYLOAD_BYTES,
      ackTimeoutMs: env.REALTIME_ACK_TIMEOUT_MS,
      messagesPerMinute: env.REALTIME_MESSAGES_PER_MINUTE,
      revalidateIntervalMs: env.REALTIME_REVALIDATE_INTERVAL_MS,
      presenceHeartbeatMs: env.PRESENCE_HEARTBEAT_MS,
      presenceTtlMs: env.PRESENCE_TTL_MS,
    },
    files: {
      store: env.FILE_STORE,
      maxFileBytes: env.FILE_MAX_BYTES,
      maxFicheBytes: env.FICHE_FILES_MAX_BYTES,
      unusedGraceMs: env.FILE_UNUSED_GRACE_HOURS * 60 * 60 * 1000,
    },
    push: {
      subject: env.PUSH_SUBJECT ?? `mailto:${mailAddress(env.MAIL_FROM)}`,
      allowLocalEndpoints: env.PUSH_ALLOW_LOCAL_ENDPOINTS,
    },
  };
}

/** The address of a sender such as `Affluents <no-reply@affluents.local>`. */
function mailAddress(from: string): string {
  return /<([^<>\s]+)>/.exec(from)?.[1] ?? from.trim();
}

/** Nest injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
