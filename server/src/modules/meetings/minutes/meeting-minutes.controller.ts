import {
  DecideAmendmentRequest,
  type MinutesAmendment,
  ProposeAmendmentRequest,
  type PublishedMinutes,
  PublishMinutesRequest,
  routes,
  StartMinutesReviewRequest,
} from '@affluents/contracts';
import { Body, Controller, Logger, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../../common/auth/auth-context';
import { Auth } from '../../../common/auth/decorators';
import { Route } from '../../../common/http/route.decorator';
import { slugify } from '../../../common/slug';
import { streamPdf } from '../../exports/exports.controller';
import { stampFooters } from '../../exports/pdf-layout';
import { MeetingMinutesService, type MinutesState } from './meeting-minutes.service';
import { renderMinutes } from './minutes-pdf';

const r = routes.meetingMinutes;

/** Minutes of a meeting: review, amendments, publication, reading and PDF. Access: MeetingMinutesService. */
@Controller()
export class MeetingMinutesController {
  private readonly logger = new Logger('MeetingMinutes');

  constructor(private readonly minutes: MeetingMinutesService) {}

  @Route(r.startReview)
  startReview(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: StartMinutesReviewRequest,
  ): Promise<MinutesState> {
    return this.minutes.startReview(id, body, auth.subject);
  }

  @Route(r.amendments)
  amendments(@Auth() auth: AuthContext, @Param('id') id: string): Promise<MinutesAmendment[]> {
    return this.minutes.amendments(id, auth.subject);
  }

  @Route(r.propose)
  propose(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: ProposeAmendmentRequest,
  ): Promise<MinutesAmendment> {
    return this.minutes.propose(id, body, auth.subject);
  }

  @Route(r.decide)
  decide(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('amendmentId') amendmentId: string,
    @Body() body: DecideAmendmentRequest,
  ): Promise<MinutesAmendment> {
    return this.minutes.decide(id, amendmentId, body, auth.subject);
  }

  @Route(r.publish)
  publish(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: PublishMinutesRequest,
  ): Promise<PublishedMinutes> {
    return this.minutes.publish(id, body, auth.subject);
  }

  @Route(r.published)
  published(@Auth() auth: AuthContext, @Param('id') id: string): Promise<PublishedMinutes> {
    return this.minutes.published(id, auth.subject);
  }

  @Route(r.pdf)
  async pdf(@Auth() auth: AuthContext, @Param('id') id: string, @Res() response: Response): Promise<void> {
    // Access is decided and the data read before the first byte goes out.
    const source = await this.minutes.pdfSource(id, auth.subject);
    const title = `Procès-verbal — ${source.header.title}`;
    await streamPdf(
      {
        filename: `proces-verbal-${slugify(source.header.title) || id}.pdf`,
        title,
        write: async (doc) => {
          try {
            renderMinutes(doc, source);
          } finally {
            source.notes.destroy();
          }
          stampFooters(doc, new Date());
        },
      },
      response,
      this.logger,
    );
  }
}

/** The published minutes that link to a fiche, shown on the fiche. */
@Controller()
export class FicheMinutesController {
  constructor(private readonly minutes: MeetingMinutesService) {}

  @Route(r.forFiche)
  forFiche(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<Array<{ meetingId: string; title: string; publishedAt: string }>> {
    return this.minutes.forFiche(id, auth.subject);
  }
}
