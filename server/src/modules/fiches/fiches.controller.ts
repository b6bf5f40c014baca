import {
  ChangeFicheStatusRequest,
  CreateFicheRequest,
  CreateFicheVersionRequest,
  ExportFicheQuery,
  type FicheDetail,
  type FicheSearchPage,
  type FicheVersionContent,
  Id,
  PublishFicheRequest,
  SearchFichesQuery,
  UpdateFicheRequest,
} from '@affluents/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { FicheSearchService } from './fiche-search.service';
import { FichesService } from './fiches.service';

// The group of a fiche is known only once it is loaded, so the service applies the policy.
@Controller('fiches')
export class FichesController {
  constructor(
    private readonly fiches: FichesService,
    private readonly search: FicheSearchService,
  ) {}

  @Post()
  create(
    @Auth() auth: AuthContext,
    @Body({ schema: CreateFicheRequest }) body: CreateFicheRequest,
  ): Promise<FicheDetail> {
    return this.fiches.create(body, auth.subject);
  }

  @Get()
  find(
    @Auth() auth: AuthContext,
    @Query({ schema: SearchFichesQuery }) query: SearchFichesQuery,
  ): Promise<FicheSearchPage> {
    return this.search.search(query, auth.subject);
  }

  @Get(':id')
  detail(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<FicheDetail> {
    return this.fiches.detail(id, auth.subject);
  }

  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateFicheRequest }) body: UpdateFicheRequest,
  ): Promise<FicheDetail> {
    return this.fiches.update(id, body, auth.subject);
  }

  @Post(':id/status')
  @HttpCode(200)
  changeStatus(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: ChangeFicheStatusRequest }) body: ChangeFicheStatusRequest,
  ): Promise<FicheDetail> {
    return this.fiches.changeStatus(id, body, auth.subject);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PublishFicheRequest }) body: PublishFicheRequest,
  ): Promise<FicheDetail> {
    return this.fiches.publish(id, body, auth.subject);
  }

  @Post(':id/versions')
  takeVersion(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CreateFicheVersionRequest }) body: CreateFicheVersionRequest,
  ): Promise<FicheDetail> {
    return this.fiches.takeVersion(id, body.label, auth.subject);
  }

  @Get(':id/versions/:versionId')
  version(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('versionId', { schema: Id }) versionId: string,
  ): Promise<FicheVersionContent> {
    return this.fiches.versionContent(id, versionId, auth.subject);
  }

  @Post(':id/versions/:versionId/restore')
  @HttpCode(200)
  restore(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('versionId', { schema: Id }) versionId: string,
  ): Promise<FicheDetail> {
    return this.fiches.restoreVersion(id, versionId, auth.subject);
  }

  @Get(':id/export.md')
  async exportMarkdown(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: ExportFicheQuery }) query: ExportFicheQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.fiches.exportMarkdown(id, query.versionId, auth.subject);
    response.type('text/markdown; charset=utf-8');
    response.attachment(file.filename);
    return file.body;
  }
}
