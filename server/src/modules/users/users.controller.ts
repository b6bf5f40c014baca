import { ListUsersQuery, routes, UpdateUserRequest, type UserAdminView } from '@affluents/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { UsersService } from './users.service';

const r = routes.users;

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Route(r.list)
  list(@Query() query: ListUsersQuery): Promise<UserAdminView[]> {
    return this.users.list(query);
  }

  @Route(r.update)
  update(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserAdminView> {
    return this.users.update(id, body, auth.subject);
  }
}
