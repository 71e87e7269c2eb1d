import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, ensureDatabase, MIGRATIONS, runMigrationsLocked } from '@app/persistence';
import { testConfig } from './support/test-config';

// Committed migrations (synchronize off): created on start, applied once even by racing processes, reversible.
describe('database migrations (e2e)', () => {
  const { databaseUrl } = testConfig();
  const sources: DataSource[] = [];
  const open = async () => {
    const ds = new DataSource(dataSourceOptions(databaseUrl, 2));
    sources.push(ds);
    return ds.initialize();
  };
  const ALL_TABLES = [
    'calendar_years', 'campaigns', 'deadlines', 'deliveries', 'form_events', 'form_revisions', 'forms', 'idempotency_keys',
    'notifications', 'organisations', 'outbox', 'reminders', 'reports', 'scores', 'scoring_schemes', 'security_audit_log',
    'typeorm_migrations', 'urges', 'users',
  ];
  const tables = async (ds: DataSource) =>
    ((await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)) as { tablename: string }[]).map(
      (r) => r.tablename,
    );

  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    await dropDatabase(databaseUrl);
  });

  it('creates the database when it does not exist, racing processes included', async () => {
    const created = await Promise.all([ensureDatabase(databaseUrl), ensureDatabase(databaseUrl), ensureDatabase(databaseUrl)]);
    expect(created.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await ensureDatabase(databaseUrl)).toBe(false);
  });

  it('applies every migration exactly once when several processes start together', async () => {
    const [a, b, c] = await Promise.all([open(), open(), open()]);
    const applied = await Promise.all([runMigrationsLocked(a), runMigrationsLocked(b), runMigrationsLocked(c)]);
    expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tables(a)).toEqual(ALL_TABLES);
    const rows = await a.query(`SELECT name FROM typeorm_migrations`);
    expect(rows).toHaveLength(MIGRATIONS.length);
  });

  it('can be reverted with down and applied again', async () => {
    const ds = sources[0];
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'all' });
    expect(await tables(ds)).toEqual(['typeorm_migrations']);
    await runMigrationsLocked(ds);
    expect(await tables(ds)).toEqual(ALL_TABLES);
  });

  it('enforces in the database that a unit belongs to a department', async () => {
    const ds = sources[0];
    const [dept] = await ds.query(`INSERT INTO organisations (name, kind) VALUES ('部门', 'department') RETURNING id`);
    const [unit] = await ds.query(`INSERT INTO organisations (name, kind, parent_id) VALUES ('单位', 'unit', $1) RETURNING id`, [dept.id]);
    await expect(ds.query(`INSERT INTO organisations (name, kind) VALUES ('无主单位', 'unit')`)).rejects.toThrow(/organisations_parent_by_kind/);
    await expect(ds.query(`INSERT INTO organisations (name, kind, parent_id) VALUES ('下级', 'unit', $1)`, [unit.id])).rejects.toThrow(
      /must be a department/,
    );
  });
});
