import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import webPush from 'web-push';
import { claimVapidKeys, type VapidKeys } from './push-store';

/**
 * The server's VAPID key pair, which browsers tie their push subscriptions to: made at the first start and
 * kept in PostgreSQL, so every node of a scale-out signs with the same keys (and a restart does not void
 * every subscription). Two nodes starting together each propose a pair; one is stored, both use it.
 */
@Injectable()
export class PushKeys implements OnModuleInit {
  private keys: VapidKeys | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    this.keys = await claimVapidKeys(this.dataSource.manager, webPush.generateVAPIDKeys());
  }

  /** The key pair; available once the module has started. */
  get(): VapidKeys {
    if (!this.keys) throw new Error('PushKeys used before the module started');
    return this.keys;
  }
}
