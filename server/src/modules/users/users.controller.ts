import { Id, ListUsersQuery, UpdateUserRequest, type UserAdminView } from '@affluents/contracts';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Allow, Auth } from '../../common/auth/decorators';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('user.list')
  list(@Query({ schema: ListUsersQuery }) query: ListUsersQuery): Promise<UserAdminView[]> {
    return this.users.list(query);
  }

  @Patch(':id')
  @Allow('user.manage')
  update(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateUserRequest }) body: UpdateUserRequest,
  ): Promise<UserAdminView> {
    return this.users.update(id, body, auth.subject);
  }
}
