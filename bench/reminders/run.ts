// bench/reminders (issue "Deadlines and reminders"): a campaign with 100,000 forms and offsets
// P7D/P3D/P1D — time to schedule, Redis bytes per pending reminder, PostgreSQL rows written; then
// 10,000 reminders due at the same instant, swept by the real (built) worker — lateness p50/p99,
// duplicates, losses. In the same run, the raw baseline: 100,000 BullMQ delayed jobs via addBulk.
// Run: npm run bench:reminders [-- --forms 100000 --due 10000]
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { reminderSchedule } from '@app/domain';
import { dataSourceOptions, dropDatabase, ensureDatabase, runMigrationsLocked } from '@app/persistence';
import { bullConnection } from '@app/queues';
import { deleteKeysWithPrefix } from '../../test/support/redis-cleanup';
import { machine, percentile, round } from '../support/stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FORMS = arg('forms', 100_000);
const DUE = arg('due', 10_000);
const UNITS = 1_000;
const OFFSETS = ['P7D', 'P3D', 'P1D'];
const ROOT = path.resolve(__dirname, '../..');

const seconds = (t0: number) => round((performance.now() - t0) / 1000, 2);

async function redisBytes(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

/** Departments, units, one user per unit, and FORMS drafts in one campaign — written straight to the tables. */
async function seed(ds: DataSource): Promise<{ campaignId: string; departmentId: string }> {
  const [{ id: departmentId }] = await ds.query(`INSERT INTO organisations (name, kind) VALUES ('基准测试主管部门', 'department') RETURNING id`);
  await ds.query(
    `WITH u AS (INSERT INTO organisations (name, kind, parent_id) SELECT '单位' || g, 'unit', $1 FROM generate_series(1, $2) g RETURNING id)
     INSERT INTO users (username, password_hash, role, org_id) SELECT 'u' || replace(id::text, '-', ''), 'x', 'unit', id FROM u`,
    [departmentId, UNITS],
  );
  await ds.query(`INSERT INTO users (username, password_hash, role, org_id) VALUES ('bench-reviewer', 'x', 'reviewer', $1)`, [departmentId]);
  const [{ id: campaignId }] = await ds.query(
    `INSERT INTO campaigns (year, department_id, declaration_deadline, review_working_days, resubmit_working_days,
                            self_evaluation_opens_at, self_evaluation_deadline, reminder_offsets)
     VALUES (2024, $1, now() + interval '30 days', 5, 5, now() + interval '300 days', now() + interval '400 days', $2) RETURNING id`,
    [departmentId, OFFSETS],
  );
  // A form is written with its CREATE event (the database insists on it).
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO forms (id, campaign_id, unit_id, department_id, year, state, snapshot, machine_version, version, content, project_name,
                          requested_total, last_event_seq, last_event_hash)
       SELECT gen_random_uuid(), $1, o.id, $2, 2024, 'draft', '{}'::jsonb, '1', 1, '{}'::jsonb, '基准项目' || g, 100, 1, 'x'
         FROM generate_series(1, $3) g
         JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM organisations WHERE parent_id = $2) o ON o.k = g % $4`,
      [campaignId, departmentId, FORMS, UNITS],
    );
    await m.query(
      `INSERT INTO form_events (form_id, seq, type, from_state, to_state, form_version, actor_username, actor_role, at, prev_hash, hash)
       SELECT id, 1, 'CREATE', NULL, 'draft', 1, 'bench', 'unit', now(), 'x', 'x' FROM forms WHERE campaign_id = $1`,
      [campaignId],
    );
  });
  return { campaignId, departmentId };
}

async function main(): Promise<void> {
  const base = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL });
  const suffix = randomBytes(4).toString('hex');
  const dbUrl = new URL(base.databaseUrl);
  dbUrl.pathname = `/jixiao_bench_${suffix}`;
  const databaseUrl = dbUrl.toString();
  const prefix = `jixiao-bench-${suffix}`;
  const redis = new Redis(base.redisUrl);
  await ensureDatabase(databaseUrl);
  const ds = await new DataSource(dataSourceOptions(databaseUrl, 4)).initialize();
  let worker: ReturnType<typeof spawn> | undefined;
  try {
    await runMigrationsLocked(ds);
    let t0 = performance.now();
    const { campaignId, departmentId } = await seed(ds);
    const seedSeconds = seconds(t0);

    // 1. Scheduling the campaign: the declaration deadline is one campaign-wide row, fanned out when it fires.
    const redisBefore = await redisBytes(redis);
    const rowsBefore = Number((await ds.query(`SELECT (SELECT count(*) FROM deadlines) + (SELECT count(*) FROM reminders) AS n`))[0].n);
    t0 = performance.now();
    const dueAt = new Date(Date.now() + 30 * 86_400_000);
    await ds.query(
      `WITH d AS (INSERT INTO deadlines (campaign_id, kind, due_at) VALUES ($1, 'declaration', $2) RETURNING id)
       INSERT INTO reminders (deadline_id, kind, step, fire_at)
       SELECT d.id, x.kind, x.step, x.fire_at FROM d, jsonb_to_recordset($3::jsonb) AS x(kind text, step text, fire_at timestamptz)`,
      [campaignId, dueAt.toISOString(), JSON.stringify(reminderSchedule('declaration', dueAt, OFFSETS, new Date()).map((r) => ({ kind: r.kind, step: r.step, fire_at: r.fireAt })))],
    );
    const campaignScheduleSeconds = seconds(t0);
    const campaignRows = Number((await ds.query(`SELECT (SELECT count(*) FROM deadlines) + (SELECT count(*) FROM reminders) AS n`))[0].n) - rowsBefore;

    // The per-form case: every form submitted at once, each starting its review clock (1 deadline + 4 reminders).
    t0 = performance.now();
    await ds.query(
      `WITH d AS (INSERT INTO deadlines (campaign_id, form_id, kind, due_at)
                  SELECT campaign_id, id, 'review', now() + interval '7 days' FROM forms WHERE campaign_id = $1 RETURNING id, due_at)
       INSERT INTO reminders (deadline_id, kind, step, fire_at)
       SELECT d.id, s.kind, s.step, d.due_at - s.lead FROM d,
              (VALUES ('REVIEW_DUE', 'P3D', interval '3 days'), ('REVIEW_DUE', 'P1D', interval '1 day'), ('REVIEW_OVERDUE', 'overdue', interval '0')) s(kind, step, lead)`,
      [campaignId],
    );
    const perFormScheduleSeconds = seconds(t0);
    const pendingReminders = Number((await ds.query(`SELECT count(*) AS n FROM reminders WHERE status = 'pending'`))[0].n);
    const perFormRows = pendingReminders + FORMS - campaignRows + 1;

    // 2. The real worker (built) against this database; then DUE reminders fall due at the same instant.
    worker = spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, REDIS_URL: base.redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const sweeps = new Queue('reminders', { connection: bullConnection(base.redisUrl), prefix });
    while ((await sweeps.getJobSchedulersCount()) === 0) await new Promise((r) => setTimeout(r, 100));
    await sweeps.close();
    const redisWithWorker = await redisBytes(redis);
    const redisBytesPerPendingReminder = round(Math.max(0, redisWithWorker - redisBefore) / pendingReminders, 3);

    // DUE forms are submitted, then the P1D reminder of each review clock is set to fall due at one instant.
    const [{ ids }] = await ds.query(
      `WITH pick AS (SELECT f.id FROM forms f WHERE f.campaign_id = $1 ORDER BY f.id LIMIT $2),
            moved AS (UPDATE forms f SET state = 'declared', version = 2 FROM pick WHERE f.id = pick.id RETURNING f.id),
            ev AS (INSERT INTO form_events (form_id, seq, type, from_state, to_state, form_version, actor_username, actor_role, at, prev_hash, hash)
                   SELECT id, 2, 'SUBMIT', 'draft', 'declared', 2, 'bench', 'unit', now(), 'x', 'x' FROM moved)
       SELECT array_agg(r.id) AS ids FROM reminders r JOIN deadlines d ON d.id = r.deadline_id JOIN pick ON pick.id = d.form_id
        WHERE d.kind = 'review' AND r.step = 'P1D'`,
      [campaignId, DUE],
    );
    const instant = new Date(Date.now() + 2000);
    await ds.query(`UPDATE reminders SET fire_at = $2 WHERE id = ANY($1::bigint[])`, [ids, instant.toISOString()]);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM reminders WHERE fire_at = $1 AND status = 'pending'`, [instant.toISOString()]);
      if (n === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const lateness: { s: number }[] = await ds.query(
      `SELECT extract(epoch FROM processed_at - fire_at)::float8 AS s FROM reminders WHERE fire_at = $1 AND status = 'done'`,
      [instant.toISOString()],
    );
    const [{ notes, distinct, lost }] = await ds.query(
      `SELECT (SELECT count(*)::int FROM notifications WHERE kind = 'REVIEW_DUE') AS notes,
              (SELECT count(DISTINCT (reminder_id, user_id, form_id))::int FROM notifications WHERE kind = 'REVIEW_DUE') AS distinct,
              (SELECT count(*)::int FROM reminders WHERE fire_at = $1 AND status = 'pending') AS lost`,
      [instant.toISOString()],
    );
    const s = lateness.map((r) => r.s);

    // 3. Raw baseline: 100,000 BullMQ delayed jobs with addBulk.
    const rawQueue = new Queue('raw-delayed', { connection: bullConnection(base.redisUrl), prefix: `${prefix}-raw` });
    const rawBefore = await redisBytes(redis);
    t0 = performance.now();
    for (let i = 0; i < FORMS; i += 1000) {
      await rawQueue.addBulk(
        Array.from({ length: Math.min(1000, FORMS - i) }, (_, k) => ({
          name: 'reminder',
          data: { formId: randomUUID(), kind: 'DECLARATION_DUE', offset: 'P3D' },
          opts: { delay: 86_400_000, jobId: `reminder-${i + k}-DECLARATION_DUE-1-P3D` },
        })),
      );
    }
    const rawSeconds = seconds(t0);
    const rawBytesPerJob = round(((await redisBytes(redis)) - rawBefore) / FORMS, 0);
    await rawQueue.obliterate({ force: true });
    await rawQueue.close();

    process.stdout.write(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: machine(),
          forms: FORMS,
          seedSeconds,
          campaign: { scheduleSeconds: campaignScheduleSeconds, rowsWritten: campaignRows },
          perFormReviewClocks: { scheduleSeconds: perFormScheduleSeconds, rowsWritten: perFormRows, perSecond: round(FORMS / perFormScheduleSeconds, 0) },
          pendingReminders,
          redisBytesPerPendingReminder,
          dueAtOnce: { reminders: s.length, p50Seconds: round(percentile(s, 50), 3), p99Seconds: round(percentile(s, 99), 3), max: round(Math.max(...s), 3), notifications: notes, duplicates: notes - distinct, lost },
          raw: { jobs: FORMS, seconds: rawSeconds, perSecond: round(FORMS / rawSeconds, 0), redisBytesPerJob: rawBytesPerJob },
          goals: { scheduleSeconds: 10, redisBytesPerPendingReminder: 100, p99Seconds: 2, duplicates: 0, lost: 0 },
          departmentId,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    worker?.kill('SIGTERM');
    await ds.destroy();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await deleteKeysWithPrefix(base.redisUrl, prefix);
    await deleteKeysWithPrefix(base.redisUrl, `${prefix}-raw`);
    redis.disconnect();
  }
}

void main();
