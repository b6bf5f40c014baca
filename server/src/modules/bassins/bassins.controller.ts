import {
  type BassinSummary,
  CreateBassinRequest,
  can,
  ListBassinsQuery,
  MergeBassinRequest,
  type MergeBassinResult,
  routes,
  UpdateBassinRequest,
} from '@affluents/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { BassinsService } from './bassins.service';

const r = routes.bassins;

@Controller()
export class BassinsController {
  constructor(private readonly bassins: BassinsService) {}

  @Route(r.list)
  list(@Auth() auth: AuthContext, @Query() query: ListBassinsQuery) {
    // Archived bassins are an administration concern; members only see the living map.
    const includeArchived = query.includeArchived === 'true' && can(auth.subject, 'organisation.manage');
    return this.bassins.list(auth.subject, includeArchived);
  }

  @Route(r.create)
  create(@Auth() auth: AuthContext, @Body() body: CreateBassinRequest): Promise<BassinSummary> {
    return this.bassins.create(body, auth.subject);
  }

  @Route(r.update)
  update(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateBassinRequest,
  ): Promise<BassinSummary> {
    return this.bassins.update(id, body, auth.subject);
  }

  @Route(r.merge)
  merge(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: MergeBassinRequest,
  ): Promise<MergeBassinResult> {
    return this.bassins.merge(id, body.targetBassinId, auth.subject);
  }
}
