import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthController } from './auth.controller';
import { OrgsController } from './orgs.controller';
import { UsersController } from './users.controller';
import { BootstrapAdminUseCase } from './use-cases/bootstrap-admin/bootstrap-admin.use-case';
import { CreateOrganisationUseCase } from './use-cases/create-organisation/create-organisation.use-case';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';
import { ListOrganisationsUseCase } from './use-cases/list-organisations/list-organisations.use-case';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case';
import { LoginUseCase } from './use-cases/login/login.use-case';

@Module({
  imports: [AuthModule],
  controllers: [AuthController, OrgsController, UsersController],
  providers: [BootstrapAdminUseCase, CreateOrganisationUseCase, CreateUserUseCase, ListOrganisationsUseCase, ListUsersUseCase, LoginUseCase],
})
export class AccountsModule {}
