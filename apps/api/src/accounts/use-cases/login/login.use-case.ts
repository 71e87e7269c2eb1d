import { Injectable } from '@nestjs/common';
import { isLocked, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, Role } from '@app/domain';
import { SecurityAuditRepository, UsersRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import { Clock, formatShanghaiTime } from '../../../common/clock';
import { PasswordHasher } from '../../../auth/password-hasher';
import { TokenService } from '../../../auth/token.service';
import { UnknownLoginFailures } from '../../../auth/unknown-login-failures';

export interface LoginCommand {
  username: string;
  password: string;
  ip: string | null;
  requestId: string | null;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: { id: string; username: string; role: Role; orgId: string | null };
}

const WRONG_CREDENTIALS = '用户名或密码错误';

function lockedMessage(until: Date): string {
  return `连续 ${LOCKOUT_THRESHOLD} 次登录失败，账户已锁定 ${LOCKOUT_MINUTES} 分钟，请于 ${formatShanghaiTime(until)} 后重试`;
}

/** POST /api/auth/login: password check, lockout, audit, token. */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: SecurityAuditRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly unknownNames: UnknownLoginFailures,
  ) {}

  async execute(cmd: LoginCommand): Promise<LoginResult> {
    const client = { ip: cmd.ip, requestId: cmd.requestId };
    const user = await this.users.findForLogin(cmd.username);
    if (!user) return this.refuseUnknownName(cmd.username, cmd.password, client);
    const who = { userId: user.id, username: user.username, ...client };

    // A locked account is refused before the password is even checked.
    if (isLocked(user.lockedUntil, this.clock.now())) {
      await this.audit.append({ event: 'LOGIN_REJECTED_LOCKED', ...who, details: { lockedUntil: user.lockedUntil } });
      throw ApiError.locked(lockedMessage(user.lockedUntil!));
    }

    if (!(await this.hasher.verify(user.passwordHash, cmd.password))) {
      const after = await this.users.recordFailedLogin(user.id, this.clock.now());
      await this.audit.append({ event: 'LOGIN_FAILED', ...who, details: { reason: 'wrongPassword', failures: after.failures } });
      if (after.lockedNow && after.lockedUntil) {
        await this.audit.append({ event: 'ACCOUNT_LOCKED', ...who, details: { failures: after.failures, lockedUntil: after.lockedUntil } });
        throw ApiError.locked(lockedMessage(after.lockedUntil));
      }
      throw ApiError.unauthenticated(WRONG_CREDENTIALS);
    }

    await this.users.recordSuccessfulLogin(user.id);
    await this.audit.append({ event: 'LOGIN_SUCCEEDED', ...who });
    const accessToken = await this.tokens.sign({ sub: user.id, username: user.username, role: user.role, orgId: user.orgId });
    return {
      accessToken,
      expiresIn: this.tokens.expiresInSeconds,
      user: { id: user.id, username: user.username, role: user.role, orgId: user.orgId },
    };
  }

  /**
   * A name that is no account is answered exactly as an account would be, in the same steps and the
   * same time: 401 with the same message, and at the 5th failure in a row 423 until the lock runs out
   * (the failures are counted by UnknownLoginFailures); so no answer tells whether a username exists.
   */
  private async refuseUnknownName(username: string, password: string, client: { ip: string | null; requestId: string | null }): Promise<never> {
    const who = { username, ...client };
    const lockedUntil = await this.unknownNames.lockedUntil(username);
    if (isLocked(lockedUntil, this.clock.now())) {
      await this.audit.append({ event: 'LOGIN_REJECTED_LOCKED', ...who, details: { lockedUntil, reason: 'unknownUser' } });
      throw ApiError.locked(lockedMessage(lockedUntil!));
    }
    await this.hasher.verifyNothing(password);
    const after = await this.unknownNames.recordFailure(username, this.clock.now());
    await this.audit.append({ event: 'LOGIN_FAILED', ...who, details: { reason: 'unknownUser', failures: after.failures } });
    if (after.lockedNow && after.lockedUntil) {
      await this.audit.append({ event: 'ACCOUNT_LOCKED', ...who, details: { failures: after.failures, lockedUntil: after.lockedUntil, reason: 'unknownUser' } });
      throw ApiError.locked(lockedMessage(after.lockedUntil));
    }
    throw ApiError.unauthenticated(WRONG_CREDENTIALS);
  }
}
