import {
  type ActivityPage,
  ListActivityQuery,
  MarkActivityReadRequest,
  type MarkActivityReadResult,
  routes,
} from '@affluents/contracts';
import { Body, Controller, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { ActivityService } from './activity.service';

const r = routes.activity;

/** « Nouveautés »: the activity of the caller's groups, and their read markers. */
@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Route(r.news)
  news(@Auth() auth: AuthContext, @Query() query: ListActivityQuery): Promise<ActivityPage> {
    return this.activity.news(auth.subject, query);
  }

  @Route(r.markRead)
  markRead(
    @Auth() auth: AuthContext,
    @Body() body: MarkActivityReadRequest,
  ): Promise<MarkActivityReadResult> {
    return this.activity.markRead(auth.subject, body);
  }
}
