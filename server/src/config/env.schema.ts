import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrl = (protocols: RegExp, example: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.test(v), { message: `attendu une URL du type ${example}` });

/**
 * Every environment variable the server reads, with its default and why it exists.
 * `.env.example` and the README's configuration table mirror this schema.
 */
export const envSchema = z.object({
  /** development | production | test. Production refuses demo data and serves the built client. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of HTTP, Socket.IO and the document websockets. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind. */
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL of the app: links in emails, default allowed origin. Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Comma-separated origins allowed to call the API with cookies and open websockets. Defaults to PUBLIC_URL. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** PostgreSQL connection string. Absent: an embedded PostgreSQL (PGlite) runs in DATA_DIR. */
  DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//, 'postgres://user@host:5432/db'),
  /** Folder of the embedded database (and other local data); `:memory:` keeps it in memory (tests). */
  DATA_DIR: z.string().default('./data'),
  /** Connections in the PostgreSQL pool (forced to 1 in embedded mode, where queries are serialised anyway). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** With DATABASE_URL: longest wait (ms) for a PostgreSQL connection (a new one, or a free one of the pool); beyond it the request answers 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  /** With DATABASE_URL: longest wait (ms) for the answer to one query (migrations excepted): a partitioned database answers 503 instead of hanging. */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  /** Redis connection string. Absent: single node, with in-process presence and fan-out. */
  REDIS_URL: optionalUrl(/^rediss?:\/\//, 'redis://127.0.0.1:6379'),
  /** Prefix of every Redis key and channel, so several deployments or test runs can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('affluents:'),
  /** Longest wait (ms) for one Redis command; while Redis is unreachable commands fail at once and callers use their in-process fallback. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).default(1000),
  /** SMTP server for outgoing mail (smtp://user:pass@host:587). Absent: mails are written to the log. */
  SMTP_URL: optionalUrl(/^smtps?:\/\//, 'smtp://user:pass@host:587'),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().default('Affluents <no-reply@affluents.local>'),
  /** Lifetime of a sign-in session, renewed while it is used. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Secure flag of the session cookie: auto = on in production (behind HTTPS). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Express trust proxy: false, true, or a hop count. Set it behind a load balancer so limits see client addresses. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => /^(true|false|\d+)$/.test(v), { message: 'attendu true, false ou un nombre de proxys' })
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : Number(v))),
  /** Log level of the pino logger. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo data (bassins, organisations, personas) when the database is empty. Refused in production. */
  SEED_DEMO: booleanString.optional(),
  /** Folder of the built client, served on every non-API path. Defaults to ../client/dist next to the server. */
  CLIENT_DIST: z.string().optional(),
  /** Failed sign-ins per hour to one account from one address, or from one browser it signed in on, before each further attempt there waits (30 s, doubling up to 15 min). Only that pair waits: the owner elsewhere is not slowed. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins per hour to one account from browsers it never signed in on, every address together, before each further attempt from them waits (30 s, then 1 min): a distributed attack is slowed, the account never locked. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
  /** Failed sign-ins per hour from one client address (an IPv6 /64), every account together, before each further attempt from there waits (30 s, doubling up to 15 min). Successful sign-ins and browsers known to the account are not counted. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
  /** Password reset mails per hour for one account; requests beyond get the same answer and no mail. */
  PASSWORD_RESET_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
  /** Password reset requests per hour from one client address; requests beyond get the same answer and no mail. */
  PASSWORD_RESET_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** Largest websocket frame a document client may send (bytes); a larger one closes that connection (4413). */
  COLLAB_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Largest size of one document (bytes, Yjs encoding); an update beyond it closes the connection (4413). */
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Longest wait (ms) before a client's update is written to PostgreSQL; updates within it share one row. 100 ms keeps every edit committed within 250 ms under load (docs/BENCHMARKS.md). */
  COLLAB_FLUSH_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(100),
  /** Stored updates after which a document is compacted into a new snapshot. */
  COLLAB_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** How long (ms) a document stays in memory after its last connection closed. */
  COLLAB_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(30000),
  /** Period (ms) of the safety-net check that open document connections are still allowed. */
  COLLAB_REVALIDATE_INTERVAL_MS: z.coerce.number().int().min(1000).default(30000),
  /** Quiet time (ms) after the last stored update of a document before its "stored" event (search indexing); a document edited without pause gets one at least every 5 such delays. */
  COLLAB_STORED_EVENT_DELAY_MS: z.coerce.number().int().min(0).default(2000),
  /** Delay (ms) before a mention still unread is emailed (0: at the next run of the notification job). */
  NOTIFY_MENTION_EMAIL_DELAY_MS: z.coerce.number().int().min(0).default(120000),
  /** Period (ms) of the notification jobs: due emails, daily digests, actions due soon. */
  NOTIFY_JOB_INTERVAL_MS: z.coerce.number().int().min(1000).default(60000),
  /** Days before its due date that the owner of a follow-up action is told it is due soon (once). */
  NOTIFY_ACTION_DUE_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  /** Hour (0-23, Europe/Brussels time) from which the daily digest of unread notifications is sent. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Period (ms) of the job that queues meeting reminder emails (a week and a day before). */
  MEETING_REMINDER_INTERVAL_MS: z.coerce.number().int().min(1000).default(300000),
  /** Contact the push services may use about this server (VAPID `sub`): a `mailto:` or `https:` address. Defaults to the address of MAIL_FROM. */
  PUSH_SUBJECT: optionalUrl(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/, 'mailto:contact@example.org'),
  /** Accept Web Push endpoints on http://127.0.0.1 and http://localhost (a local push service in tests); refused in production. */
  PUSH_ALLOW_LOCAL_ENDPOINTS: booleanString.default(false),
  /** Where uploaded files (of fiches, messages, comments and meetings) are kept: `postgres`, in the database every node reads (docs/FILES.md). */
  FILE_STORE: z.enum(['postgres']).default('postgres'),
  /** Largest file one upload may carry (bytes), in a fiche, a message, a comment or a meeting; a larger one is refused with 413 while it arrives. */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Largest total size of the files of one fiche (bytes); an upload that would go beyond is refused with 413. */
  FICHE_FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  /**
   * Hours a file no text refers to any more (neither the fiche's live text nor a version) still counts and
   * is kept, so an undo brings it back; a new upload counts as long, even before it is placed. Then removed.
   * Also how long a file uploaded for a message or a comment waits to be sent before it is removed.
   */
  FILE_UNUSED_GRACE_HOURS: z.coerce.number().min(0).default(24),
  /** Largest Socket.IO message a client may send (bytes); a larger one closes that socket. */
  REALTIME_MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  /** Longest wait (ms) for the answer to a Socket.IO event; beyond it the client gets 503 and may resend (sends are idempotent). */
  REALTIME_ACK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /** Messages (sent or edited) a user may post per minute over Socket.IO, all nodes together. */
  REALTIME_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Period (ms) of the safety-net check that connected sockets may still be in their rooms. */
  REALTIME_REVALIDATE_INTERVAL_MS: z.coerce.number().int().min(1000).default(60000),
  /** Period (ms) at which each node refreshes the presence of its connected sockets. */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(10000),
  /** Presence without a heartbeat for this long (ms) is gone: a dead node's users vanish after it. */
  PRESENCE_TTL_MS: z.coerce.number().int().min(300).default(30000),
});

export type RawEnv = z.infer<typeof envSchema>;
