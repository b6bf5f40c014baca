import {
  type PushPublicKey,
  PushSubscriptionInput,
  PushSubscriptionRemoval,
  routes,
} from '@affluents/contracts';
import { Body, Controller } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { PushSubscriptionsService } from './push-subscriptions.service';

const r = routes.push;

/** The server's push key, and the signed-in member's subscription of this browser. */
@Controller()
export class PushController {
  constructor(private readonly subscriptions: PushSubscriptionsService) {}

  @Route(r.publicKey)
  publicKey(): PushPublicKey {
    return this.subscriptions.publicKey();
  }

  @Route(r.subscribe)
  subscribe(@Auth() auth: AuthContext, @Body() body: PushSubscriptionInput): Promise<void> {
    return this.subscriptions.subscribe(auth, body);
  }

  @Route(r.unsubscribe)
  unsubscribe(@Auth() auth: AuthContext, @Body() body: PushSubscriptionRemoval): Promise<void> {
    return this.subscriptions.unsubscribe(auth, body.endpoint);
  }
}
