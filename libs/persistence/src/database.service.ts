import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase, runMigrationsLocked } from './prepare-database';

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

export interface DatabaseOptions {
  /** The API creates the database and migrates it; other processes only connect. */
  migrate: boolean;
  poolSize?: number;
}

/** Thrown when PostgreSQL is not reachable (yet); the HTTP edge maps it to 503. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('PostgreSQL is not available', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

type ReadyHook = () => Promise<void>;

/** Distinct statement texts kept as named prepared statements; beyond this, texts run unnamed. */
const MAX_PREPARED = 64;

const RETRY_DELAY_MS = 3_000;

/**
 * Owns the TypeORM DataSource. At start it creates the database if missing and runs pending
 * migrations; when PostgreSQL is down it keeps the process up (health reports 503) and retries.
 */
@Injectable()
export class Database implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Database.name);
  private readonly dataSource: DataSource;
  private readonly readyHooks: { name: string; run: ReadyHook }[] = [];
  /** Migrated: repositories may be used (the ready hooks use them). */
  private schemaReady = false;
  /** Migrated and the ready hooks have run: the process serves requests. */
  private ready = false;
  private stopping = false;
  private retryTimer?: NodeJS.Timeout;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  /** Statement text → prepared statement name (the same name on every pooled connection). */
  private readonly preparedNames = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions,
  ) {
    this.dataSource = new DataSource(dataSourceOptions(config.databaseUrl, options.poolSize));
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Work to do once the schema is current, before the database counts as ready (e.g. the admin bootstrap). */
  onReady(name: string, run: ReadyHook): void {
    this.readyHooks.push({ name, run });
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Resolves once the database is migrated and the ready hooks have run. */
  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** The DataSource, or DatabaseUnavailableError while the database is not ready. */
  get source(): DataSource {
    if (!this.schemaReady || !this.dataSource.isInitialized) throw new DatabaseUnavailableError();
    return this.dataSource;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The first attempt is awaited so that a healthy start serves no request before migrations ran.
    if (!(await this.prepare())) this.scheduleRetry();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * Runs a statement of the hot paths (one lifecycle event) as a named prepared statement: each pooled
   * connection parses it once and, after a few executions, reuses a generic plan. For statements
   * whose text is fixed (values only as parameters) — a text built with inline values would only
   * fill the cache, so past MAX_PREPARED distinct texts the rest run unnamed. Rows as `query()` gives
   * them; errors are the driver's own (pgErrorCode reads both). Each call is its own statement on a
   * pooled connection, outside any TypeORM transaction: for statements that are atomic on their own.
   */
  async prepared<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    const pool = (this.source.driver as PostgresDriver).master as Pool;
    let name = this.preparedNames.get(text);
    if (name === undefined && this.preparedNames.size < MAX_PREPARED) {
      name = `jixiao_${this.preparedNames.size + 1}`;
      this.preparedNames.set(text, name);
    }
    const result = await pool.query({ name, text, values: values as unknown[] });
    return result.rows as T[];
  }

  /** SELECT 1 within the timeout. */
  async ping(timeoutMs = 1_000): Promise<boolean> {
    if (!this.ready) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private async prepare(): Promise<boolean> {
    try {
      if (this.options.migrate && (await ensureDatabase(this.config.databaseUrl))) {
        this.logger.log('Created the database');
      }
      if (!this.dataSource.isInitialized) await this.dataSource.initialize();
      if (this.options.migrate) {
        const applied = await runMigrationsLocked(this.dataSource);
        if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
      }
      this.schemaReady = true;
      for (const hook of this.readyHooks) await hook.run();
      this.ready = true;
      this.resolveReady();
      return true;
    } catch (err) {
      this.logger.error(
        `PostgreSQL not ready (${(err as Error).message}); retrying in ${RETRY_DELAY_MS / 1000} s`,
      );
      return false;
    }
  }

  private scheduleRetry(): void {
    if (this.stopping) return;
    this.retryTimer = setTimeout(() => {
      void this.prepare().then((ok) => {
        if (!ok) this.scheduleRetry();
      });
    }, RETRY_DELAY_MS);
    this.retryTimer.unref();
  }
}
