import { Inject, Injectable, Logger } from '@nestjs/common';
import { afterFailedLogin } from '@app/domain';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { RedisClient } from '@app/queues';

/** How long the count of a name that is not an account is kept after its last failure. */
export const UNKNOWN_NAME_MEMORY_SECONDS = 24 * 60 * 60;

/**
 * Failed logins under a username that is no account, counted like an account's (5 in a row lock it
 * for 30 minutes: 423, then refused until the lock runs out). Without it, the 5th wrong password
 * answered 423 for an existing account and 401 for an unknown one, which told anyone who tried
 * which usernames exist (OWASP API2, user enumeration). Kept in Redis, shared by every API process,
 * for a day after the last failure (the login rate limit bounds how many names one client adds).
 * If Redis is away the attempt is answered 401 as before: logging in never depends on this.
 */
@Injectable()
export class UnknownLoginFailures {
  private readonly logger = new Logger(UnknownLoginFailures.name);

  constructor(
    private readonly client: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(username: string): string {
    return `${this.config.queuePrefix}:login-unknown:${username.toLowerCase()}`;
  }

  /** Until when the name is locked (null: not locked, or not known to be). */
  async lockedUntil(username: string): Promise<Date | null> {
    const state = await this.read(username);
    return state?.lockedUntil ?? null;
  }

  /** Counts one more failure; answers the state after it, as UsersRepository.recordFailedLogin does. */
  async recordFailure(username: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null; lockedNow: boolean }> {
    const before = await this.read(username);
    const after = afterFailedLogin(before?.failures ?? 0, before?.lockedUntil ?? null, now);
    try {
      await this.client.redis.set(
        this.key(username),
        JSON.stringify({ failures: after.failures, lockedUntil: after.lockedUntil?.toISOString() ?? null }),
        'EX',
        UNKNOWN_NAME_MEMORY_SECONDS,
      );
    } catch (err) {
      this.logger.warn(`Could not count a failed login of an unknown name: ${(err as Error).message}`);
      return { failures: after.failures, lockedUntil: null, lockedNow: false };
    }
    return after;
  }

  private async read(username: string): Promise<{ failures: number; lockedUntil: Date | null } | null> {
    try {
      const raw = await this.client.redis.get(this.key(username));
      if (raw === null) return null;
      const parsed = JSON.parse(raw) as { failures: number; lockedUntil: string | null };
      return { failures: parsed.failures, lockedUntil: parsed.lockedUntil === null ? null : new Date(parsed.lockedUntil) };
    } catch (err) {
      this.logger.warn(`Could not read failed logins of an unknown name: ${(err as Error).message}`);
      return null;
    }
  }
}
