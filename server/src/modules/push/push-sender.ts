import type { PushMessage } from '@affluents/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import webPush from 'web-push';
import type { DeliveredNotification } from '../../common/events/domain-events';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PushKeys } from './push-keys';
import {
  deleteGoneSubscription,
  markDelivered,
  type StoredPushSubscription,
  subscriptionsOf,
} from './push-store';

/**
 * How long a push service keeps a message for a device that is off (seconds): a notice of the week still
 * matters the next day, not the week after (the bell keeps it anyway).
 */
const TIME_TO_LIVE_SECONDS = 24 * 60 * 60;
/** Longest wait for one push service's answer: a slow service delays no other device. */
const SEND_TIMEOUT_MS = 10_000;
/** Requests to push services in flight at once. */
const CONCURRENCY = 6;
/** Longest text of the notification's body: a phone shows two or three lines. */
const MAX_BODY_CHARS = 160;

/**
 * Sends the notifications just stored to the devices of their recipients who chose Web Push for their
 * kind (`notifications.delivered`): a small JSON message in French (title, excerpt, link), encrypted
 * (aes128gcm, RFC 8291) and signed with the server's VAPID keys (RFC 8292). A subscription the push
 * service says is gone (404, 410) is deleted; other failures are logged, never thrown.
 */
@Injectable()
export class PushSender {
  private readonly logger = new Logger('WebPush');

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: PushKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Pushes each notification whose recipient wants it on their devices. Never throws. */
  async deliver(notifications: readonly DeliveredNotification[]): Promise<void> {
    try {
      const wanted = notifications.filter((n) => n.push);
      if (wanted.length === 0) return;
      const subscriptions = await subscriptionsOf(this.dataSource.manager, [
        ...new Set(wanted.map((n) => n.userId)),
      ]);
      const sends = wanted.flatMap((notification) =>
        subscriptions
          .filter((s) => s.userId === notification.userId)
          .map((subscription) => () => this.send(subscription, messageOf(notification))),
      );
      await runLimited(sends, CONCURRENCY);
    } catch (err) {
      this.logger.warn(`push not sent: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** One message to one device; the subscription is forgotten when its push service says it is gone. */
  private async send(subscription: StoredPushSubscription, message: PushMessage): Promise<void> {
    const { publicKey, privateKey } = this.keys.get();
    try {
      const request = webPush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        JSON.stringify(message),
        {
          vapidDetails: { subject: this.config.push.subject, publicKey, privateKey },
          TTL: TIME_TO_LIVE_SECONDS,
          urgency: 'normal',
          contentEncoding: 'aes128gcm',
        },
      );
      const headers = Object.fromEntries(
        Object.entries(request.headers)
          // fetch counts the body itself.
          .filter(([name]) => name.toLowerCase() !== 'content-length')
          .map(([name, value]) => [name, String(value)]),
      );
      // web-push's own sender speaks https only; fetch also reaches the local push service of the tests.
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers,
        body: request.body ?? undefined,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (response.ok) {
        await markDelivered(this.dataSource.manager, subscription.id);
      } else if (response.status === 404 || response.status === 410) {
        await deleteGoneSubscription(this.dataSource.manager, subscription.id);
        this.logger.log(`subscription ${subscription.id} gone (${response.status}): removed`);
      } else {
        this.logger.warn(`push to subscription ${subscription.id} refused: ${response.status}`);
      }
    } catch (err) {
      this.logger.warn(
        `push to subscription ${subscription.id} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

/** The message a device shows for a notification: small, the link as an application path. */
function messageOf(notification: DeliveredNotification): PushMessage {
  const body =
    notification.excerpt.length > MAX_BODY_CHARS
      ? `${notification.excerpt.slice(0, MAX_BODY_CHARS - 1).trimEnd()}…`
      : notification.excerpt;
  return { title: notification.title, body, link: notification.link, tag: notification.id };
}

/** Runs the tasks with at most `limit` of them at once. */
async function runLimited(tasks: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
