import { type DiscussionSearchPage, type NewsPage, SearchDiscussionsQuery } from '@affluents/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { DiscussionSearchService } from './discussion-search.service';
import { ThreadsService } from './threads.service';

/** Views across all my groups: the news and the search. */
@Controller('discussions')
export class DiscussionsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly searchService: DiscussionSearchService,
  ) {}

  @Get('news')
  news(@Auth() auth: AuthContext): Promise<NewsPage> {
    return this.threads.news(auth.subject);
  }

  @Get('search')
  search(
    @Auth() auth: AuthContext,
    @Query({ schema: SearchDiscussionsQuery }) query: SearchDiscussionsQuery,
  ): Promise<DiscussionSearchPage> {
    return this.searchService.search(query, auth.subject);
  }
}
