import {
  type BassinSummary,
  CreateBassinRequest,
  can,
  Id,
  ListBassinsQuery,
  MergeBassinRequest,
  type MergeBassinResult,
  UpdateBassinRequest,
} from '@affluents/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Allow, Auth } from '../../common/auth/decorators';
import { BassinsService } from './bassins.service';

@Controller('bassins')
export class BassinsController {
  constructor(private readonly bassins: BassinsService) {}

  @Get()
  @Allow('bassin.list')
  list(@Auth() auth: AuthContext, @Query({ schema: ListBassinsQuery }) query: ListBassinsQuery) {
    // Archived bassins are an administration concern; members only see the living map.
    const includeArchived = query.includeArchived === 'true' && can(auth.subject, 'organisation.manage');
    return this.bassins.list(auth.subject, includeArchived);
  }

  @Post()
  @Allow('bassin.manage')
  create(
    @Auth() auth: AuthContext,
    @Body({ schema: CreateBassinRequest }) body: CreateBassinRequest,
  ): Promise<BassinSummary> {
    return this.bassins.create(body, auth.subject);
  }

  @Patch(':id')
  @Allow('bassin.manage')
  update(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateBassinRequest }) body: UpdateBassinRequest,
  ): Promise<BassinSummary> {
    return this.bassins.update(id, body, auth.subject);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Allow('bassin.manage')
  merge(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: MergeBassinRequest }) body: MergeBassinRequest,
  ): Promise<MergeBassinResult> {
    return this.bassins.merge(id, body.targetBassinId, auth.subject);
  }
}
