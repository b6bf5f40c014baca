import {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  type Organisation,
  routes,
  UpdateOrganisationRequest,
} from '@affluents/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Route } from '../../common/http/route.decorator';
import { OrganisationsService } from './organisations.service';

const r = routes.organisations;

@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Route(r.list)
  list(@Query() query: ListOrganisationsQuery): Promise<Organisation[]> {
    return this.organisations.list(query);
  }

  @Route(r.get)
  get(@Param('id') id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Route(r.create)
  create(@Body() body: CreateOrganisationRequest): Promise<Organisation> {
    return this.organisations.create(body);
  }

  @Route(r.update)
  update(@Param('id') id: string, @Body() body: UpdateOrganisationRequest): Promise<Organisation> {
    return this.organisations.update(id, body);
  }
}
