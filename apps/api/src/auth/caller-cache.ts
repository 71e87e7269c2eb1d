import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { CallerRecord, UsersRepository } from '@app/persistence';

const MAX_ENTRIES = 10_000;

/**
 * The caller of a token, looked up in PostgreSQL and kept for AUTH_CACHE_SECONDS (default 5 s) per
 * process: a busy client would otherwise cost one query per request. A changed role or organisation
 * therefore applies within that many seconds; 0 turns the cache off.
 */
@Injectable()
export class CallerCache {
  private readonly entries = new Map<string, { caller: CallerRecord | null; expires: number }>();
  private readonly ttlMs: number;

  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.authCacheSeconds * 1000;
  }

  async get(userId: string): Promise<CallerRecord | null> {
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.expires > now) return hit.caller;
    const caller = await this.users.findCaller(userId);
    if (this.ttlMs > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(userId, { caller, expires: now + this.ttlMs });
    }
    return caller;
  }
}
