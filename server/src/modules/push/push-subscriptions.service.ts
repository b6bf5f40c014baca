import type { PushPublicKey, PushSubscriptionInput } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { badRequest } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { endpointProblem } from './push-endpoints';
import { PushKeys } from './push-keys';
import { deleteSubscription, upsertSubscription } from './push-store';

/**
 * A member's Web Push subscriptions: one per browser, tied to the session that made it (the session's end
 * deletes it). Every call acts on the caller's own subscriptions only.
 */
@Injectable()
export class PushSubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: PushKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The public key browsers subscribe with. */
  publicKey(): PushPublicKey {
    return { publicKey: this.keys.get().publicKey };
  }

  /** Records (or renews) this browser's subscription for the caller's session. */
  async subscribe(auth: AuthContext, input: PushSubscriptionInput): Promise<void> {
    const problem = endpointProblem(input.endpoint, this.config.push.allowLocalEndpoints);
    if (problem) throw badRequest(problem, [{ path: 'endpoint', message: problem }]);
    await upsertSubscription(this.dataSource.manager, {
      userId: auth.user.id,
      sessionId: auth.sessionId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      label: input.label || null,
    });
  }

  /** Forgets the caller's subscription of this endpoint (nothing happens for an unknown one). */
  async unsubscribe(auth: AuthContext, endpoint: string): Promise<void> {
    await deleteSubscription(this.dataSource.manager, auth.user.id, endpoint);
  }
}
