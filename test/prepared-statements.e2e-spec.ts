import { pgErrorCode, UNIQUE_VIOLATION } from '@app/persistence';
import { startTestApi, TestApi } from './support/test-api';

// Database.prepared runs the lifecycle's hot statements as named prepared statements on the pooled
// connections (parsed and planned once per connection). It must answer like query(): the same rows,
// the driver's error codes, and still work for texts beyond the number it keeps prepared.
describe('Database.prepared (e2e, real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.db.source.query(`CREATE TABLE prepared_probe (k int PRIMARY KEY, v text NOT NULL)`);
  });
  afterAll(() => api.close());

  it('answers the rows query() answers, with values only as parameters, again and again', async () => {
    const text = `SELECT $1::int + 1 AS n, $2::text AS s, $3::jsonb AS j`;
    for (let i = 0; i < 12; i++) {
      const values = [i, `值${i}'; DROP TABLE prepared_probe; --`, JSON.stringify({ i })];
      expect(await api.db.prepared(text, values)).toEqual(await api.db.source.query(text, values));
    }
    expect(await api.db.source.query(`SELECT count(*)::int AS n FROM prepared_probe`)).toEqual([{ n: 0 }]);
  });

  it('keeps the driver error, so a unique violation is still recognised', async () => {
    const insert = `INSERT INTO prepared_probe (k, v) VALUES ($1, $2)`;
    await api.db.prepared(insert, [1, 'a']);
    const err = await api.db.prepared(insert, [1, 'b']).catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe(UNIQUE_VIOLATION);
    // The statement stays usable on that connection after the error.
    await api.db.prepared(insert, [2, 'c']);
    expect(await api.db.source.query(`SELECT k, v FROM prepared_probe ORDER BY k`)).toEqual([{ k: 1, v: 'a' }, { k: 2, v: 'c' }]);
  });

  it('runs texts beyond those it keeps prepared, unnamed and correctly', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 80; i++) {
      const rows = await api.db.prepared<{ n: number }>(`SELECT $1::int * ${i} AS n`, [2]);
      answers.push(rows[0].n);
    }
    expect(answers).toEqual(Array.from({ length: 80 }, (_, i) => 2 * i));
    // Every connection of the pool holds at most the capped number of named statements.
    const held: { n: number }[] = await api.db.source.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`);
    expect(held[0].n).toBeLessThanOrEqual(64);
  });
});
