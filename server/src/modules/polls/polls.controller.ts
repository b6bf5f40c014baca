import { CastVoteRequest, ClosePollRequest, CreatePollRequest, Id, type Poll } from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { PollsService } from './polls.service';

// The group of a poll is known only once its thread is loaded, so the service applies the policy.
@Controller()
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Get('threads/:id/polls')
  list(@Auth() auth: AuthContext, @Param('id', { schema: Id }) threadId: string): Promise<Poll[]> {
    return this.polls.list(threadId, auth.subject);
  }

  @Post('threads/:id/polls')
  create(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) threadId: string,
    @Body({ schema: CreatePollRequest }) body: CreatePollRequest,
  ): Promise<Poll> {
    return this.polls.create(threadId, body, auth.subject);
  }

  @Get('polls/:id')
  get(@Auth() auth: AuthContext, @Param('id', { schema: Id }) pollId: string): Promise<Poll> {
    return this.polls.get(pollId, auth.subject);
  }

  @Post('polls/:id/votes')
  @HttpCode(200)
  vote(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) pollId: string,
    @Body({ schema: CastVoteRequest }) body: CastVoteRequest,
  ): Promise<Poll> {
    return this.polls.vote(pollId, body, auth.subject);
  }

  @Delete('polls/:id/votes')
  withdraw(@Auth() auth: AuthContext, @Param('id', { schema: Id }) pollId: string): Promise<Poll> {
    return this.polls.withdraw(pollId, auth.subject);
  }

  @Post('polls/:id/close')
  @HttpCode(200)
  close(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) pollId: string,
    @Body({ schema: ClosePollRequest }) body: ClosePollRequest,
  ): Promise<Poll> {
    return this.polls.close(pollId, body, auth.subject);
  }
}
