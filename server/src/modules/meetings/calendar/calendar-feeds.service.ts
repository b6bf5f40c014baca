import type { CalendarFeed } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashToken, newSecretToken } from '../../../common/auth/tokens';
import { conflict, notFound } from '../../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { feedOwner, insertFeedToken, replaceFeedToken } from './calendar-feed-token-rows';
import { CalendarMeetings } from './calendar-meeting-rows';
import { renderMeetingsCalendar } from './meeting-ical';

// Past meetings stay in subscribed calendars for a while (minutes, follow-up), not forever.
const FEED_HISTORY_DAYS = 90;

/**
 * Personal calendar feeds: a secret URL per member that calendar apps poll. Only the token's hash is
 * stored, so the URL is shown once, when it is created; a new one (rotate) replaces it and the old
 * URL stops working at once.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: CalendarMeetings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the member's feed URL if they have none; an existing one cannot be shown again (409). */
  async create(userId: string): Promise<CalendarFeed> {
    const token = newSecretToken();
    if (!(await insertFeedToken(this.dataSource, userId, hashToken(token)))) {
      throw conflict(
        'Votre lien d’agenda existe déjà et n’est pas conservé en clair : générez-en un nouveau pour l’afficher (l’ancien cessera de fonctionner).',
      );
    }
    return { url: this.urlOf(token) };
  }

  /** Replaces the member's feed token (creating one if needed); the previous URL answers 404 from now on. */
  async rotate(userId: string): Promise<CalendarFeed> {
    const token = newSecretToken();
    await replaceFeedToken(this.dataSource, userId, hashToken(token));
    return { url: this.urlOf(token) };
  }

  /** The iCalendar text of the feed behind `token`; 404 for an unknown token or a disabled account. */
  async calendar(token: string, now: Date = new Date()): Promise<string> {
    // Anything that newSecretToken cannot have produced is unknown, like a revoked token.
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound('Agenda introuvable');
    const userId = await feedOwner(this.dataSource, hashToken(token));
    if (!userId) throw notFound('Agenda introuvable');
    const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 60 * 60 * 1000);
    const meetings = await this.meetings.forUser(userId, since);
    return renderMeetingsCalendar(meetings, {
      publicUrl: this.config.publicUrl,
      name: 'Mes rencontres Affluents',
    });
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }
}
