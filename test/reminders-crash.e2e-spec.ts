import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive } from './support/forms';
import { spawnApp, SpawnedApp } from './support/spawn-app';
import { startTestApi, TestApi } from './support/test-api';
import { waitFor } from './support/wait-for';
import { campaignBody, createWorld, World } from './support/world';

// A worker killed with SIGKILL in the middle of a sweep, then restarted: every reminder is
// delivered exactly once (each batch is one statement; dedupe keys make a repeat a no-op).
describe('reminders survive a killed worker (e2e)', () => {
  let api: TestApi;
  let w: World;
  const workers: SpawnedApp[] = [];
  const FORMS = 20;
  const STEPS = 150; // reminders per form: 3,000 due at the same instant, six sweep batches

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    const campaign = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
    const ids: string[] = [];
    for (let i = 0; i < FORMS; i++) {
      const form = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaign))).body;
      await drive(api, form.id, [[w.tokens.unitA1, 'SUBMIT']]);
      ids.push(form.id);
    }
    // Many reminders of the review deadlines, all due a few seconds from now.
    await api.db.source.query(
      `INSERT INTO reminders (deadline_id, kind, step, fire_at)
       SELECT d.id, 'REVIEW_DUE', 'PT' || g || 'S', now() + interval '3 seconds'
         FROM deadlines d, generate_series(1000, 999 + $2) g WHERE d.form_id = ANY($1) AND d.status = 'active'`,
      [ids, STEPS],
    );
  }, 120_000);

  afterAll(async () => {
    for (const p of workers) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await api.close();
  });

  const count = async (sql: string) => (await api.db.source.query(sql))[0].n as number;

  it('delivers each reminder exactly once across the crash', async () => {
    const total = FORMS * STEPS;
    const first = spawnApp('worker', api.config);
    workers.push(first);
    await waitFor(() => count(`SELECT count(*)::int AS n FROM reminders WHERE status = 'done' AND step LIKE 'PT1%'`).then((n) => n > 0), {
      timeoutMs: 60_000, intervalMs: 10, what: 'the first sweep batches',
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const doneAtKill = await count(`SELECT count(*)::int AS n FROM reminders WHERE status = 'done' AND step LIKE 'PT1%'`);

    const second = spawnApp('worker', api.config);
    workers.push(second);
    await waitFor(() => count(`SELECT count(*)::int AS n FROM reminders WHERE status = 'pending' AND fire_at <= now()`).then((n) => n === 0), {
      timeoutMs: 60_000, what: 'the restarted worker to finish',
    });
    second.child.kill('SIGTERM');
    await second.exited;

    // One reviewer in department A: one notification per reminder, none twice, none lost.
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'REVIEW_DUE'`)).toBe(total);
    expect(await count(`SELECT count(DISTINCT reminder_id)::int AS n FROM notifications WHERE kind = 'REVIEW_DUE'`)).toBe(total);
    expect(await count(`SELECT coalesce(sum(notified), 0)::int AS n FROM reminders WHERE kind = 'REVIEW_DUE'`)).toBe(total);
    // The kill really happened in the middle.
    expect(doneAtKill).toBeGreaterThan(0);
    expect(doneAtKill).toBeLessThan(total);
  }, 120_000);
});
