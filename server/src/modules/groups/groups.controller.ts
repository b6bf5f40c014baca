import {
  AddMemberRequest,
  type GroupDetail,
  type GroupMember,
  Id,
  MoveGroupRequest,
  UpdateMemberRequest,
} from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Allow, Auth } from '../../common/auth/decorators';
import { GroupsService } from './groups.service';

@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get(':id')
  @Allow('group.view', { groupParam: 'id' })
  detail(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<GroupDetail> {
    return this.groups.detail(id, auth.subject);
  }

  @Post(':id/move')
  @HttpCode(200)
  @Allow('group.move')
  move(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: MoveGroupRequest }) body: MoveGroupRequest,
  ): Promise<GroupDetail> {
    return this.groups.move(id, body.bassinId, auth.subject);
  }

  @Post(':id/members')
  @Allow('group.members.manage', { groupParam: 'id' })
  addMember(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: AddMemberRequest }) body: AddMemberRequest,
  ): Promise<GroupMember> {
    return this.groups.addMember(id, body, auth.subject);
  }

  @Patch(':id/members/:userId')
  @Allow('group.members.manage', { groupParam: 'id' })
  updateMember(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('userId', { schema: Id }) userId: string,
    @Body({ schema: UpdateMemberRequest }) body: UpdateMemberRequest,
  ): Promise<GroupMember> {
    return this.groups.updateMember(id, userId, body.role, auth.subject);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @Allow('group.members.manage', { groupParam: 'id' })
  async removeMember(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('userId', { schema: Id }) userId: string,
  ): Promise<void> {
    await this.groups.removeMember(id, userId, auth.subject);
  }
}
