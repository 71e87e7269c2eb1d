// bench/scoring (issue "Year-end self-evaluation and scoring"):
//  (a) the pure scoring function on generated forms of 12 indicators: forms/s on one core;
//  (b) the year-end batch over FORMS self-evaluated forms seeded into PostgreSQL, run by the built worker
//      (one process, then two): wall time from start to report, forms/s, peak memory of each worker;
//  and in the same run the raw baseline: BullMQ no-op jobs at concurrency 50.
// Run: npm run bench:scoring [-- --forms 100000 --seconds 5 --chunk 1000]
import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FlowProducer, Queue, QueueEvents, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { DEFAULT_SCHEME, scoreForm } from '@app/domain';
import { dataSourceOptions, dropDatabase, ensureDatabase, runMigrationsLocked } from '@app/persistence';
import { bullConnection } from '@app/queues';
import { deleteKeysWithPrefix } from '../../test/support/redis-cleanup';
import { cpuPerOperation, sampleCpu } from '../support/cpu';
import { machine, round } from '../support/stats';
import { syntheticForm } from './synthetic';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FORMS = arg('forms', 100_000);
const SECONDS = arg('seconds', 5);
// Forms per child job (REPORT_CHUNK_SIZE of the API, whose default is 1,000).
const CHUNK = arg('chunk', 1000);
const ROOT = path.resolve(__dirname, '../..');

function pureScoring(): { formsPerSecond: number } {
  const forms = Array.from({ length: 500 }, (_, i) => syntheticForm(i));
  const warm = performance.now() + 1000;
  let k = 0;
  while (performance.now() < warm) scoreForm(forms[k % 500].baseline, forms[k++ % 500].selfEvaluation, DEFAULT_SCHEME);
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  while (performance.now() < end) {
    const f = forms[n % 500];
    scoreForm(f.baseline, f.selfEvaluation, DEFAULT_SCHEME);
    n++;
  }
  return { formsPerSecond: round(n / ((performance.now() - start) / 1000), 0) };
}

async function seed(ds: DataSource): Promise<string> {
  const [{ id: dept }] = await ds.query(`INSERT INTO organisations (name, kind) VALUES ('基准测试主管部门', 'department') RETURNING id`);
  await ds.query(`INSERT INTO organisations (name, kind, parent_id) SELECT '单位' || g, 'unit', $1 FROM generate_series(1, 100) g`, [dept]);
  const [{ id: campaign }] = await ds.query(
    `INSERT INTO campaigns (year, department_id, declaration_deadline, review_working_days, resubmit_working_days,
                            self_evaluation_opens_at, self_evaluation_deadline, reminder_offsets)
     VALUES (2024, $1, now() - interval '300 days', 5, 5, now() - interval '30 days', now() + interval '60 days', '{}') RETURNING id`,
    [dept],
  );
  // One baseline and self-evaluation per variant; forms cycle through 50 variants.
  const variants = Array.from({ length: 50 }, (_, i) => syntheticForm(i));
  await ds.query(`CREATE TEMP TABLE variant (k int, content jsonb, self_evaluation jsonb)`);
  await ds.query(
    `INSERT INTO variant SELECT x.k, x.content, x.se FROM jsonb_to_recordset($1::jsonb) AS x(k int, content jsonb, se jsonb)`,
    [JSON.stringify(variants.map((v, k) => ({ k, content: { projectName: `基准项目${k}`, funds: { total: '1000000.00' }, indicators: v.baseline.indicators }, se: v.selfEvaluation })))],
  );
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO forms (id, campaign_id, unit_id, department_id, year, state, snapshot, machine_version, version, content, project_name,
                          requested_total, approved_amount, last_event_seq, last_event_hash, self_evaluation)
       SELECT gen_random_uuid(), $1, o.id, $2, 2024, 'selfEvaluationReview', '{}'::jsonb, '1', 1, '{}'::jsonb, v.content->>'projectName',
              1000000, 1000000, 1, 'x', v.self_evaluation
         FROM generate_series(1, $3) g
         JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM organisations WHERE parent_id = $2) o ON o.k = g % 100
         JOIN variant v ON v.k = g % 50`,
      [campaign, dept, FORMS],
    );
    await m.query(
      `INSERT INTO form_events (form_id, seq, type, from_state, to_state, form_version, actor_username, actor_role, at, prev_hash, hash)
       SELECT id, 1, 'SEED', NULL, 'selfEvaluationReview', 1, 'bench', 'system', now(), 'x', 'x' FROM forms WHERE campaign_id = $1`,
      [campaign],
    );
    await m.query(
      `INSERT INTO form_revisions (form_id, revision, reason, event_seq, form_version, content, approved_amount, created_at)
       SELECT f.id, 1, 'approved', 1, 1, v.content, 1000000, now()
         FROM forms f JOIN variant v ON v.content->>'projectName' = f.project_name WHERE f.campaign_id = $1`,
      [campaign],
    );
  });
  await ds.query(`ANALYZE`);
  return campaign;
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
function peakMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024, 0);
}

async function runBatch(ds: DataSource, env: Record<string, string>, campaign: string, workers: number) {
  await ds.query(`DELETE FROM scores`);
  const procs: ChildProcess[] = Array.from({ length: workers }, () =>
    spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const connection = bullConnection(env.REDIS_URL);
  const reportsQueue = new Queue('reports', { connection, prefix: env.QUEUE_PREFIX });
  // Wait until every worker is consuming the reports queue.
  while ((await reportsQueue.getWorkersCount()) < workers) await new Promise((r) => setTimeout(r, 100));
  const ids: { id: string }[] = await ds.query(`SELECT id FROM forms WHERE campaign_id = $1 ORDER BY id`, [campaign]);
  const [{ id: reportId }] = await ds.query(`INSERT INTO reports (campaign_id, scheme_version) VALUES ($1, $2) RETURNING id`, [campaign, DEFAULT_SCHEME.version]);
  const flows = new FlowProducer({ connection, prefix: env.QUEUE_PREFIX });
  const workerPids = Object.fromEntries(procs.map((p, i) => [`worker${i + 1}`, p.pid]));
  const cpuBefore = sampleCpu(workerPids);
  const start = performance.now();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK).map((r) => r.id));
  await flows.add({
    name: 'campaign-report',
    queueName: 'reports',
    data: { reportId, campaignId: campaign },
    children: chunks.map((formIds) => ({ name: 'report-chunk', queueName: 'reports', data: { reportId, campaignId: campaign, formIds }, opts: { ignoreDependencyOnFailure: true } })),
  });
  for (;;) {
    const [{ status }] = await ds.query(`SELECT status FROM reports WHERE id = $1`, [reportId]);
    if (status !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = round((performance.now() - start) / 1000, 2);
  // Where the time went: milliseconds of CPU per form in each worker and in PostgreSQL, and the
  // cores each kept busy on average (two cores in all on the benchmark machine).
  const cpuMsPerForm = cpuPerOperation(cpuBefore, sampleCpu(workerPids), FORMS);
  const coresBusy = cpuMsPerForm && Object.fromEntries(Object.entries(cpuMsPerForm).map(([k, ms]) => [k, round((ms * FORMS) / 1000 / seconds, 2)]));
  const peaks = procs.map((p) => peakMiB(p.pid!));
  const [{ scored }] = await ds.query(`SELECT count(*)::int AS scored FROM scores`);
  const [{ summary }] = await ds.query(`SELECT summary FROM reports WHERE id = $1`, [reportId]);
  procs.forEach((p) => p.kill('SIGTERM'));
  await Promise.all(procs.map((p) => new Promise((r) => p.once('exit', r))));
  await flows.close();
  await reportsQueue.close();
  return {
    workers, seconds, formsPerSecond: round(FORMS / seconds, 0), scored, reportForms: summary?.forms, peakMemoryMiB: peaks, cpuMsPerForm, coresBusy,
    failures: (summary?.failures ?? []).map((f: { formIds: string[]; message: string }) => `${f.formIds.length} forms: ${f.message}`),
  };
}

async function rawBaseline(redisUrl: string, prefix: string) {
  const connection = bullConnection(redisUrl);
  const queue = new Queue('raw-noop', { connection, prefix });
  const events = new QueueEvents('raw-noop', { connection, prefix });
  const N = 50_000;
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('raw-noop', async () => undefined, { connection, prefix, concurrency: 50 });
    worker.on('completed', () => {
      if (++done === N) void worker.close().then(() => resolve());
    });
  });
  const start = performance.now();
  for (let i = 0; i < N; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, N - i) }, () => ({ name: 'noop', data: { id: randomUUID() }, opts: { removeOnComplete: true } })));
  }
  await finished;
  const seconds = (performance.now() - start) / 1000;
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobs: N, concurrency: 50, seconds: round(seconds, 2), jobsPerSecond: round(N / seconds, 0) };
}

async function main(): Promise<void> {
  const base = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL });
  const suffix = randomBytes(4).toString('hex');
  const dbUrl = new URL(base.databaseUrl);
  dbUrl.pathname = `/jixiao_bench_${suffix}`;
  const prefix = `jixiao-bench-${suffix}`;
  const env = { DATABASE_URL: dbUrl.toString(), REDIS_URL: base.redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' };
  await ensureDatabase(env.DATABASE_URL);
  const ds = await new DataSource(dataSourceOptions(env.DATABASE_URL, 4)).initialize();
  try {
    const pure = pureScoring();
    await runMigrationsLocked(ds);
    await ds.query(`INSERT INTO scoring_schemes (version, scheme) VALUES ($1, $2)`, [DEFAULT_SCHEME.version, JSON.stringify(DEFAULT_SCHEME)]);
    let t0 = performance.now();
    const campaign = await seed(ds);
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    const one = await runBatch(ds, env, campaign, 1);
    const two = await runBatch(ds, env, campaign, 2);
    t0 = performance.now();
    const raw = await rawBaseline(base.redisUrl, `${prefix}-raw`);
    process.stdout.write(
      JSON.stringify(
        { date: new Date().toISOString(), machine: machine(), forms: FORMS, pure, seedSeconds, batch: [one, two], raw, goals: { pureFormsPerSecond: 50_000, batchSeconds: 30, workerMiB: 512 } },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await ds.destroy();
    await dropDatabase(env.DATABASE_URL).catch(() => undefined);
    await deleteKeysWithPrefix(base.redisUrl, prefix);
    await deleteKeysWithPrefix(base.redisUrl, `${prefix}-raw`);
  }
}

void main();
