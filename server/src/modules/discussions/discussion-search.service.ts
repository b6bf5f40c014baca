import type { DiscussionSearchPage, SearchDiscussionsQuery, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { searchDiscussions } from './discussion-search-rows';

const PAGE_SIZE = 20;

/**
 * French full-text search over thread titles and message texts (stemming after accent folding, the
 * `affluents_fr` configuration), limited to the threads the caller may read.
 */
@Injectable()
export class DiscussionSearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of hits, best first: a title hit has no message, a message hit points at its seq. */
  async search(query: SearchDiscussionsQuery, subject: Subject): Promise<DiscussionSearchPage> {
    const { items, total } = await searchDiscussions(this.dataSource.manager, {
      userId: subject.userId,
      groupIds: subject.memberships.map((m) => m.groupId),
      q: query.q,
      groupId: query.groupId ?? null,
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
    });
    return { items, total, page: query.page };
  }
}
