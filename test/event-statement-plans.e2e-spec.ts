import { randomUUID } from 'node:crypto';
import { GENESIS_HASH } from '@app/domain';
import { FormRecord, formEventStatement } from '@app/persistence';
import { startTestApi, TestApi } from './support/test-api';

// The event statement is a named prepared statement, so PostgreSQL may keep one generic plan for it,
// made whenever it was first prepared — in a new database, before any table has statistics. Such a
// plan must still find a cancelled deadline's reminders by the deadline, not by scanning every
// pending reminder (and the dead index entries that cancelled ones leave until vacuum) per event.
describe('event statement plans without statistics (e2e, real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const form = (): FormRecord => ({
    id: randomUUID(),
    campaignId: randomUUID(),
    unitId: randomUUID(),
    departmentId: randomUUID(),
    year: 2024,
    state: 'reviewing',
    snapshot: {},
    machineVersion: '1',
    version: 3,
    content: { projectName: '计划探针' } as FormRecord['content'],
    requestedTotal: '100.00',
    approvedAmount: null,
    lastEventSeq: 2,
    lastEventHash: GENESIS_HASH,
    selfEvaluation: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  });

  /** The generic plan PostgreSQL would keep for the statement, as text (it depends on no value). */
  async function genericPlan(sql: string, params: unknown[]): Promise<string> {
    return api.db.source.transaction(async (m) => {
      await m.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await m.query(`PREPARE probe AS ${sql}`);
      const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN EXECUTE probe(${params.map(() => 'NULL').join(', ')})`);
      await m.query(`DEALLOCATE probe`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it('an event that cancels a deadline reaches its pending reminders through the deadline', async () => {
    const f = form();
    const at = new Date().toISOString();
    const { sql, params } = formEventStatement(
      f,
      { state: 'returned', snapshot: {}, machineVersion: '1', version: 4, requestedTotal: '100.00', approvedAmount: null },
      { type: 'RETURN', from: 'reviewing', to: 'returned', formVersion: 4, actorId: null, actorUsername: 'r', actorRole: 'reviewer', actorOrgId: null, comment: '请补充', payload: {}, at },
      { deadlines: { cancel: ['review'], schedule: [] } },
    );
    const [{ n }]: { n: string }[] = await api.db.source.query(`SELECT count(*) AS n FROM pg_stats WHERE tablename = 'reminders'`);
    expect(n).toBe('0'); // no statistics: the case of a new database
    const plan = await genericPlan(sql, params);
    expect(plan).toMatch(/Update on reminders/);
    expect(plan).toMatch(/reminders_pending_deadline_idx/);
    expect(plan).not.toMatch(/reminders_due_idx/);
  });
});
