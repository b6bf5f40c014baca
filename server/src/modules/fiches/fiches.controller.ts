import {
  ChangeFicheStatusRequest,
  CreateFicheRequest,
  CreateFicheVersionRequest,
  ExportFicheQuery,
  type FicheDetail,
  type FicheSearchPage,
  type FicheVersionContent,
  PublishFicheRequest,
  routes,
  SearchFichesQuery,
  UpdateFicheRequest,
} from '@affluents/contracts';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { FicheSearchService } from './fiche-search.service';
import { FichesService } from './fiches.service';

const r = routes.fiches;

// The group of a fiche is known only once it is loaded, so the service applies the policy.
@Controller()
export class FichesController {
  constructor(
    private readonly fiches: FichesService,
    private readonly search: FicheSearchService,
  ) {}

  @Route(r.create)
  create(@Auth() auth: AuthContext, @Body() body: CreateFicheRequest): Promise<FicheDetail> {
    return this.fiches.create(body, auth.subject);
  }

  @Route(r.find)
  find(@Auth() auth: AuthContext, @Query() query: SearchFichesQuery): Promise<FicheSearchPage> {
    return this.search.search(query, auth.subject);
  }

  @Route(r.detail)
  detail(@Auth() auth: AuthContext, @Param('id') id: string): Promise<FicheDetail> {
    return this.fiches.detail(id, auth.subject);
  }

  @Route(r.update)
  update(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateFicheRequest,
  ): Promise<FicheDetail> {
    return this.fiches.update(id, body, auth.subject);
  }

  @Route(r.changeStatus)
  changeStatus(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: ChangeFicheStatusRequest,
  ): Promise<FicheDetail> {
    return this.fiches.changeStatus(id, body, auth.subject);
  }

  @Route(r.publish)
  publish(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: PublishFicheRequest,
  ): Promise<FicheDetail> {
    return this.fiches.publish(id, body, auth.subject);
  }

  @Route(r.takeVersion)
  takeVersion(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateFicheVersionRequest,
  ): Promise<FicheDetail> {
    return this.fiches.takeVersion(id, body.label, auth.subject);
  }

  @Route(r.version)
  version(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
  ): Promise<FicheVersionContent> {
    return this.fiches.versionContent(id, versionId, auth.subject);
  }

  @Route(r.restore)
  restore(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
  ): Promise<FicheDetail> {
    return this.fiches.restoreVersion(id, versionId, auth.subject);
  }

  @Route(r.exportMarkdown)
  async exportMarkdown(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: ExportFicheQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.fiches.exportMarkdown(id, query.versionId, auth.subject);
    response.type('text/markdown; charset=utf-8');
    response.attachment(file.filename);
    return file.body;
  }
}
