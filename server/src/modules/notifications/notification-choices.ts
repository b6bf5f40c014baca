import {
  defaultNotificationChoices,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationKindChoice,
  type NotificationPreferences,
  notificationKinds,
  type UpdateNotificationPreferencesRequest,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { cancelDueEmails, saveChoices, selectChoices } from './notification-choice-rows';

export type KindChoices = Record<NotificationKind, NotificationKindChoice>;

/**
 * Each member's notification preferences: per kind, none / in the app / also by email, and the phone;
 * stored choices over the contracts' defaults (`notificationKindDefaults`), so a member who never chose
 * follows the defaults. The one reader for every channel: the bell (NotificationsService), the generic
 * mails, the meetings' own mails (MeetingMailer) and Web Push (through `notifications.delivered`).
 */
@Injectable()
export class NotificationChoices {
  constructor(private readonly dataSource: DataSource) {}

  /** Every kind's choice of each of `userIds` (the defaults for those who never chose). */
  async of(
    userIds: readonly string[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, KindChoices>> {
    const stored = new Map((await selectChoices(db, [...userIds])).map((row) => [row.userId, row.kinds]));
    return new Map(
      userIds.map((userId) => [userId, { ...defaultNotificationChoices(), ...stored.get(userId) }]),
    );
  }

  /** Those of `userIds` whose delivery of `kind` is `delivery`. */
  async wanting(
    kind: NotificationKind,
    delivery: NotificationDelivery,
    userIds: readonly string[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const choices = await this.of(userIds, db);
    return new Set(userIds.filter((userId) => choices.get(userId)?.[kind].delivery === delivery));
  }

  /** A member's preferences: every kind present. */
  async preferences(userId: string): Promise<NotificationPreferences> {
    const [row] = await selectChoices(this.dataSource.manager, [userId]);
    return {
      kinds: { ...defaultNotificationChoices(), ...row?.kinds },
      dailyDigest: row?.dailyDigest ?? true,
    };
  }

  /**
   * Saves the kinds given (the others keep their choice) and the digest choice. A kind no longer wanted
   * by email cancels its emails not sent yet.
   */
  async update(
    userId: string,
    request: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    const kinds = Object.fromEntries(
      notificationKinds.flatMap((kind) => (request.kinds?.[kind] ? [[kind, request.kinds[kind]]] : [])),
    ) as Partial<KindChoices>;
    await this.dataSource.transaction(async (manager) => {
      await saveChoices(manager, userId, kinds, request.dailyDigest);
      const notByEmail = notificationKinds.filter((kind) => kinds[kind] && kinds[kind].delivery !== 'email');
      await cancelDueEmails(manager, userId, notByEmail);
    });
    return this.preferences(userId);
  }
}
