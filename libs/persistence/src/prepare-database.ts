import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Splits a PostgreSQL URL into the database name and a URL of the maintenance database on the same server. */
export function databaseNameOf(databaseUrl: string): { name: string; maintenanceUrl: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  return { name, maintenanceUrl: url.toString() };
}

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** CREATE DATABASE if it does not exist. Safe when several processes race to create it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const { name, maintenanceUrl } = databaseNameOf(databaseUrl);
  const client = new Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (err) {
      // 42P04 duplicate_database / 23505: another process created it first.
      const code = (err as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw err;
    }
  } finally {
    await client.end();
  }
}

/** DROP DATABASE … WITH (FORCE); used by tests to clean up after themselves. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { name, maintenanceUrl } = databaseNameOf(databaseUrl);
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// Any constant works; it only has to be the same in every Jixiao process.
const MIGRATION_LOCK_KEY = 0x6a6978;

/**
 * Runs pending migrations under a session-level advisory lock, so that several API processes
 * starting at once migrate exactly once. Returns the names of the migrations applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
