import {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  type CurrentUser,
  type Invitation,
  type InvitationPreview,
  ListInvitationsQuery,
  routes,
} from '@affluents/contracts';
import { Body, Controller, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, OptionalAuth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { setSessionCookie } from '../../identity/session-cookie';
import { InvitationsService } from './invitations.service';

const r = routes.invitations;

// Group-scoped rights depend on the body or the invitation row, so the service applies the policy.
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(r.create)
  create(@Auth() auth: AuthContext, @Body() body: CreateInvitationRequest): Promise<Invitation> {
    return this.invitations.create(body, auth.subject);
  }

  @Route(r.list)
  list(@Auth() auth: AuthContext, @Query() query: ListInvitationsQuery): Promise<Invitation[]> {
    return this.invitations.list(query, auth.subject);
  }

  @Route(r.revoke)
  async revoke(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.invitations.revoke(id, auth.subject);
  }

  @Route(r.preview)
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Route(r.accept)
  async accept(
    @OptionalAuth() auth: AuthContext | null,
    @Param('token') token: string,
    @Body() body: AcceptInvitationRequest,
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
