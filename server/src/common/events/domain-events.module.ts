import { Module } from '@nestjs/common';
import { DomainEventBus } from './domain-event-bus';

/** The DomainEventBus: one instance, imported by every module that emits or listens. */
@Module({ providers: [DomainEventBus], exports: [DomainEventBus] })
export class DomainEventsModule {}
