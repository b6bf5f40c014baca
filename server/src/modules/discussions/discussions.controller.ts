import {
  type DiscussionSearchPage,
  type NewsPage,
  routes,
  SearchDiscussionsQuery,
} from '@affluents/contracts';
import { Controller, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { DiscussionSearchService } from './discussion-search.service';
import { ThreadsService } from './threads.service';

const r = routes.discussions;

/** Views across all my groups: the news and the search. */
@Controller()
export class DiscussionsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly searchService: DiscussionSearchService,
  ) {}

  @Route(r.news)
  news(@Auth() auth: AuthContext): Promise<NewsPage> {
    return this.threads.news(auth.subject);
  }

  @Route(r.search)
  search(@Auth() auth: AuthContext, @Query() query: SearchDiscussionsQuery): Promise<DiscussionSearchPage> {
    return this.searchService.search(query, auth.subject);
  }
}
