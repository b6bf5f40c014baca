import { type ApiError, type ClientEventName, ClientEventSchemas } from '@affluents/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { AppError, serviceUnavailable } from '../common/errors/app-error';
import { isDependencyUnavailable } from '../common/errors/dependency-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventRateLimits } from './event-rate-limits';
import type { ClientEventHandler, SocketContext } from './realtime-hub';

type AnyHandler = (ctx: SocketContext, payload: unknown) => Promise<unknown>;
type Answer = { ok: true; data: unknown } | { ok: false; error: ApiError };

/** The zod issues of an invalid payload as the API's field errors. */
function fieldErrorsOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const errorText = (err: unknown) => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/**
 * Routes client events to the handlers domain modules registered: validates each payload against its
 * contract schema, applies rate limits, and acknowledges `{ ok, data | error }`. Nothing a client sends
 * can throw out of here: every failure becomes an error acknowledgement (or is dropped without one).
 * A dependency that is down, or a handler still running after REALTIME_ACK_TIMEOUT_MS, answers 503
 * `service_unavailable`: the client keeps what it sent and may send it again (sends are idempotent).
 */
@Injectable()
export class EventRouter {
  private readonly logger = new Logger('EventRouter');
  private readonly handlers = new Map<ClientEventName, AnyHandler>();

  constructor(
    private readonly limits: EventRateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The event names the router listens to (every client event of the contract). */
  get events(): ClientEventName[] {
    return Object.keys(ClientEventSchemas) as ClientEventName[];
  }

  /** Registers the handler of an event; one per event. */
  register<E extends ClientEventName>(event: E, handler: ClientEventHandler<E>): void {
    if (!(event in ClientEventSchemas)) throw new Error(`unknown client event ${event}`);
    if (this.handlers.has(event)) throw new Error(`client event ${event} already handled`);
    this.handlers.set(event, handler as AnyHandler);
  }

  /** Handles one event from a socket; `ack` is the client's callback if it gave one. */
  async dispatch(ctx: SocketContext, event: string, payload: unknown, ack: unknown): Promise<void> {
    const answer = await this.answer(ctx, event, payload);
    if (typeof ack !== 'function') return;
    try {
      ack(answer);
    } catch (err) {
      this.logger.warn(`ack of ${event} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async answer(ctx: SocketContext, event: string, payload: unknown): Promise<Answer> {
    if (!Object.hasOwn(ClientEventSchemas, event)) {
      return this.fail(400, 'bad_request', 'Événement inconnu');
    }
    const name = event as ClientEventName;
    const parsed = ClientEventSchemas[name].safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          status: 400,
          code: 'validation_failed',
          message: 'Données invalides',
          fieldErrors: fieldErrorsOf(parsed.error),
        },
      };
    }
    const handler = this.handlers.get(name);
    try {
      this.limits.consume(name, ctx.userId);
      if (!handler) return this.fail(501, 'service_unavailable', 'Fonction pas encore disponible');
      const data = await this.withinDeadline(name, ctx.userId, handler(ctx, parsed.data));
      return { ok: true, data: data ?? null };
    } catch (err) {
      if (err instanceof AppError) {
        return {
          ok: false,
          error: {
            status: err.status,
            code: err.code,
            message: err.message,
            ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
          },
        };
      }
      if (isDependencyUnavailable(err)) {
        this.logger.warn(
          `${name} from user ${ctx.userId}: dependency unavailable: ${(err as Error).message}`,
        );
        const unavailable = serviceUnavailable();
        return this.fail(unavailable.status, unavailable.code, unavailable.message);
      }
      this.logger.error(`${name} from user ${ctx.userId} failed: ${errorText(err)}`);
      return this.fail(500, 'internal_error', 'Erreur interne du serveur');
    }
  }

  /**
   * The handler's result, or a 503 once REALTIME_ACK_TIMEOUT_MS has passed (a partitioned database can
   * hold a query that long): the client hears early and may resend. The handler keeps running; what it
   * ends with is only logged.
   */
  private withinDeadline<T>(event: ClientEventName, userId: string, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        work.then(
          () => this.logger.warn(`${event} from user ${userId} finished after its 503 acknowledgement`),
          (err: unknown) =>
            this.logger.warn(`${event} from user ${userId} failed after its 503: ${String(err)}`),
        );
        reject(
          serviceUnavailable('Le serveur met trop de temps à répondre. Réessayez dans quelques instants.'),
        );
      }, this.config.realtime.ackTimeoutMs);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private fail(status: number, code: ApiError['code'], message: string): Answer {
    return { ok: false, error: { status, code, message } };
  }
}
