import type { FicheSearchPage, SearchFichesQuery, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { selectSearchPage } from './fiche-search-rows';

/**
 * The toolbox search: published fiches within the caller's reach and the drafts of the caller's own
 * groups (never anyone else's), with French stemming, accent folding, the sector's acronyms, filters,
 * highlighted snippets, relevance or date order and pages.
 */
@Injectable()
export class FicheSearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs one search page for the subject. */
  search(query: SearchFichesQuery, subject: Subject): Promise<FicheSearchPage> {
    return selectSearchPage(this.dataSource.manager, query, {
      groupIds: subject.memberships.map((m) => m.groupId),
      // Coordinators and admins answer for the whole network: every published fiche is theirs to see.
      seesAllPublished: subject.platformRole !== null,
    });
  }
}
