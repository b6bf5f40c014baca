import {
  CreateOrganisationRequest,
  Id,
  ListOrganisationsQuery,
  type Organisation,
  UpdateOrganisationRequest,
} from '@affluents/contracts';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { Allow } from '../../common/auth/decorators';
import { OrganisationsService } from './organisations.service';

@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Allow('organisation.list')
  list(@Query({ schema: ListOrganisationsQuery }) query: ListOrganisationsQuery): Promise<Organisation[]> {
    return this.organisations.list(query);
  }

  @Get(':id')
  @Allow('organisation.list')
  get(@Param('id', { schema: Id }) id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Post()
  @Allow('organisation.manage')
  create(
    @Body({ schema: CreateOrganisationRequest }) body: CreateOrganisationRequest,
  ): Promise<Organisation> {
    return this.organisations.create(body);
  }

  @Patch(':id')
  @Allow('organisation.manage')
  update(
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateOrganisationRequest }) body: UpdateOrganisationRequest,
  ): Promise<Organisation> {
    return this.organisations.update(id, body);
  }
}
