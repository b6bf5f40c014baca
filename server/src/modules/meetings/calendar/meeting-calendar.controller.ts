import { type CalendarFeed, routes } from '@affluents/contracts';
import { Controller, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../../common/auth/auth-context';
import { Auth } from '../../../common/auth/decorators';
import { Route } from '../../../common/http/route.decorator';
import { CalendarFeeds } from './calendar-feeds.service';
import { MeetingCalendarFiles } from './meeting-calendar-files';

const r = routes.meetingCalendar;

function sendCalendar(response: Response, text: string, filename?: string): void {
  response.status(200);
  response.type('text/calendar; charset=utf-8');
  if (filename) response.attachment(filename);
  response.setHeader('Cache-Control', 'private, no-store');
  response.send(text);
}

/** Calendar files of meetings and the signed-in member's personal feed. */
@Controller()
export class MeetingCalendarController {
  constructor(
    private readonly files: MeetingCalendarFiles,
    private readonly feeds: CalendarFeeds,
  ) {}

  /** One meeting as an .ics file, for whoever may see the meeting (members of its group, its guests). */
  @Route(r.meetingFile)
  async meetingFile(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.forViewer(id, auth.subject);
    sendCalendar(response, file.content, file.filename);
  }

  @Route(r.feed)
  feed(@Auth() auth: AuthContext): Promise<CalendarFeed> {
    return this.feeds.create(auth.user.id);
  }

  @Route(r.rotate)
  rotate(@Auth() auth: AuthContext): Promise<CalendarFeed> {
    return this.feeds.rotate(auth.user.id);
  }

  /** The public feed: the secret token in the URL is the only credential (calendar apps send no cookie). */
  @Route(r.publicFeed)
  async publicFeed(@Param('token') token: string, @Res() response: Response): Promise<void> {
    sendCalendar(response, await this.feeds.calendar(token));
  }
}
