import {
  type AwaitingPoll,
  type CastVoteRequest,
  type ClosePollRequest,
  type CreatePollRequest,
  type Poll,
  routes,
} from '@affluents/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { PollsService } from './polls.service';

const r = routes.polls;

// The group of a poll is known only once its thread is loaded, so the service applies the policy.
@Controller()
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Route(r.awaitingMine)
  awaitingMine(@Auth() auth: AuthContext): Promise<AwaitingPoll[]> {
    return this.polls.awaitingVoteOf(auth.subject);
  }

  @Route(r.list)
  list(@Auth() auth: AuthContext, @Param('id') threadId: string): Promise<Poll[]> {
    return this.polls.list(threadId, auth.subject);
  }

  @Route(r.create)
  create(
    @Auth() auth: AuthContext,
    @Param('id') threadId: string,
    @Body() body: CreatePollRequest,
  ): Promise<Poll> {
    return this.polls.create(threadId, body, auth.subject);
  }

  @Route(r.get)
  get(@Auth() auth: AuthContext, @Param('id') pollId: string): Promise<Poll> {
    return this.polls.get(pollId, auth.subject);
  }

  @Route(r.vote)
  vote(@Auth() auth: AuthContext, @Param('id') pollId: string, @Body() body: CastVoteRequest): Promise<Poll> {
    return this.polls.vote(pollId, body, auth.subject);
  }

  @Route(r.withdraw)
  withdraw(@Auth() auth: AuthContext, @Param('id') pollId: string): Promise<Poll> {
    return this.polls.withdraw(pollId, auth.subject);
  }

  @Route(r.close)
  close(
    @Auth() auth: AuthContext,
    @Param('id') pollId: string,
    @Body() body: ClosePollRequest,
  ): Promise<Poll> {
    return this.polls.close(pollId, body, auth.subject);
  }
}
