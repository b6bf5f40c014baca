import {
  AddMemberRequest,
  type GroupDetail,
  type GroupMember,
  MoveGroupRequest,
  routes,
  UpdateMemberRequest,
} from '@affluents/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { GroupsService } from './groups.service';

const r = routes.groups;

@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Route(r.detail)
  detail(@Auth() auth: AuthContext, @Param('id') id: string): Promise<GroupDetail> {
    return this.groups.detail(id, auth.subject);
  }

  @Route(r.move)
  move(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: MoveGroupRequest,
  ): Promise<GroupDetail> {
    return this.groups.move(id, body.bassinId, auth.subject);
  }

  @Route(r.addMember)
  addMember(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AddMemberRequest,
  ): Promise<GroupMember> {
    return this.groups.addMember(id, body, auth.subject);
  }

  @Route(r.updateMember)
  updateMember(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Body() body: UpdateMemberRequest,
  ): Promise<GroupMember> {
    return this.groups.updateMember(id, userId, body.role, auth.subject);
  }

  @Route(r.removeMember)
  async removeMember(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    await this.groups.removeMember(id, userId, auth.subject);
  }
}
