import {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  type CurrentUser,
  FreeText,
  Id,
  type Invitation,
  type InvitationPreview,
  ListInvitationsQuery,
} from '@affluents/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, OptionalAuth, Public } from '../../common/auth/decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { setSessionCookie } from '../../identity/session-cookie';
import { InvitationsService } from './invitations.service';

const Token = FreeText().min(20).max(200);

// Group-scoped rights depend on the body or the invitation row, so the service applies the policy.
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  create(
    @Auth() auth: AuthContext,
    @Body({ schema: CreateInvitationRequest }) body: CreateInvitationRequest,
  ): Promise<Invitation> {
    return this.invitations.create(body, auth.subject);
  }

  @Get()
  list(
    @Auth() auth: AuthContext,
    @Query({ schema: ListInvitationsQuery }) query: ListInvitationsQuery,
  ): Promise<Invitation[]> {
    return this.invitations.list(query, auth.subject);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<void> {
    await this.invitations.revoke(id, auth.subject);
  }

  @Public()
  @Get('by-token/:token')
  preview(@Param('token', { schema: Token }) token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('by-token/:token/accept')
  @HttpCode(200)
  async accept(
    @OptionalAuth() auth: AuthContext | null,
    @Param('token', { schema: Token }) token: string,
    @Body({ schema: AcceptInvitationRequest }) body: AcceptInvitationRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUser> {
    const { user, sessionToken } = await this.invitations.accept(token, body, auth, {
      ip: request.ip ?? 'unknown',
      userAgent: request.get('user-agent'),
    });
    if (sessionToken) setSessionCookie(response, this.config, sessionToken);
    return user;
  }
}
