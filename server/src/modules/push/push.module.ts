import { Module, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { PushController } from './push.controller';
import { PushKeys } from './push-keys';
import { PushSender } from './push-sender';
import { PushSubscriptionsService } from './push-subscriptions.service';

/**
 * Web Push to members' devices: the VAPID keys, the browsers' subscriptions, and the sending of each
 * notification stored (`notifications.delivered`) to the devices of recipients who chose it. The
 * notifications module knows nothing of it.
 */
@Module({
  imports: [DomainEventsModule],
  controllers: [PushController],
  providers: [PushKeys, PushSender, PushSubscriptionsService],
})
export class PushModule implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly sender: PushSender,
  ) {}

  onModuleInit(): void {
    this.events.on('notifications.delivered', ({ notifications }) => this.sender.deliver(notifications));
  }
}
