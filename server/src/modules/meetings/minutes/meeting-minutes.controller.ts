import {
  DecideAmendmentRequest,
  Id,
  type MinutesAmendment,
  ProposeAmendmentRequest,
  type PublishedMinutes,
  PublishMinutesRequest,
  StartMinutesReviewRequest,
} from '@affluents/contracts';
import { Body, Controller, Get, HttpCode, Logger, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../../common/auth/auth-context';
import { Auth } from '../../../common/auth/decorators';
import { slugify } from '../../../common/slug';
import { streamPdf } from '../../exports/exports.controller';
import { stampFooters } from '../../exports/pdf-layout';
import { MeetingMinutesService, type MinutesState } from './meeting-minutes.service';
import { renderMinutes } from './minutes-pdf';

/** Minutes of a meeting: review, amendments, publication, reading and PDF. Access: MeetingMinutesService. */
@Controller('meetings')
export class MeetingMinutesController {
  private readonly logger = new Logger('MeetingMinutes');

  constructor(private readonly minutes: MeetingMinutesService) {}

  @Post(':id/minutes/review')
  @HttpCode(200)
  startReview(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: StartMinutesReviewRequest }) body: StartMinutesReviewRequest,
  ): Promise<MinutesState> {
    return this.minutes.startReview(id, body, auth.subject);
  }

  @Get(':id/minutes/amendments')
  amendments(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
  ): Promise<MinutesAmendment[]> {
    return this.minutes.amendments(id, auth.subject);
  }

  @Post(':id/minutes/amendments')
  propose(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: ProposeAmendmentRequest }) body: ProposeAmendmentRequest,
  ): Promise<MinutesAmendment> {
    return this.minutes.propose(id, body, auth.subject);
  }

  @Post(':id/minutes/amendments/:amendmentId/decision')
  @HttpCode(200)
  decide(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('amendmentId', { schema: Id }) amendmentId: string,
    @Body({ schema: DecideAmendmentRequest }) body: DecideAmendmentRequest,
  ): Promise<MinutesAmendment> {
    return this.minutes.decide(id, amendmentId, body.status, auth.subject);
  }

  @Post(':id/minutes/publish')
  @HttpCode(200)
  publish(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PublishMinutesRequest }) body: PublishMinutesRequest,
  ): Promise<PublishedMinutes> {
    return this.minutes.publish(id, body, auth.subject);
  }

  @Get(':id/minutes')
  published(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<PublishedMinutes> {
    return this.minutes.published(id, auth.subject);
  }

  @Get(':id/minutes.pdf')
  async pdf(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Res() response: Response,
  ): Promise<void> {
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
@Controller('fiches')
export class FicheMinutesController {
  constructor(private readonly minutes: MeetingMinutesService) {}

  @Get(':id/minutes')
  forFiche(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
  ): Promise<Array<{ meetingId: string; title: string; publishedAt: string }>> {
    return this.minutes.forFiche(id, auth.subject);
  }
}
