// bench/lifecycle (issue "The lifecycle"): 16 concurrent HTTP clients drive forms through
// SUBMIT → START_REVIEW → RETURN → SUBMIT → START_REVIEW → APPROVE against the real API (built, in its
// own process) for 20 s; and in the same run the raw baseline: one pg transaction per transition
// (UPDATE with a version check + INSERT of an event row), 16 clients.
// With --in-process, the same driving also runs without HTTP: 16 loops call the events route's
// controller method in this process (Nest application context, no HTTP server) and serialise its
// answer. That is the ceiling the HTTP API could reach: the domain and database work alone.
// Run: npm run bench:lifecycle [-- --seconds 20 --clients 16 --in-process]
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { dropDatabase, ensureDatabase } from '@app/persistence';
import { hotlineFormBody } from '../../test/fixtures/form-bodies';
import { startApi } from '../support/api-process';
import { HttpClient } from '../support/http-client';
import { deleteKeysWithPrefix } from '../../test/support/redis-cleanup';
import { cpuPerOperation, sampleCpu } from '../support/cpu';
import { machine, percentile, round } from '../support/stats';
import { AppModule } from '../../apps/api/src/app.module';
import { CallerCache } from '../../apps/api/src/auth/caller-cache';
import type { AuthenticatedRequest } from '../../apps/api/src/common/caller';
import type { FormEventDto } from '../../apps/api/src/forms/dto/form-event.dto';
import { FormsController } from '../../apps/api/src/forms/forms.controller';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 20);
const CLIENTS = arg('clients', 16);
// The API is stateless: N processes behind the clients show how it scales out (DESIGN §5).
const API_PROCESSES = arg('api-processes', 1);
const IN_PROCESS = process.argv.includes('--in-process');
const PASSWORD = 'Passw0rd!';
const STEPS: [role: 'unit' | 'reviewer', type: string, extra?: Record<string, unknown>][] = [
  ['unit', 'SUBMIT'],
  ['reviewer', 'START_REVIEW'],
  ['reviewer', 'RETURN', { comment: '请细化指标' }],
  ['unit', 'SUBMIT'],
  ['reviewer', 'START_REVIEW'],
  ['reviewer', 'APPROVE', { approvedAmount: '1800000.00' }],
];

interface Result {
  transitions: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  /** Milliseconds of CPU per transition in each process group (Linux /proc; null elsewhere). */
  cpuMsPerTransition: Record<string, number> | null;
}

/** Forms created (as drafts) for the in-process run, with the user ids that drive them. */
interface Reserved {
  forms: string[][];
  unitUserIds: string[];
  reviewerUserId: string;
}

async function runApi(databaseUrl: string, prefix: string): Promise<Result & { formsCompleted: number; apiProcesses: number; reserved: Reserved }> {
  const api = await startApi({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '100000' });
  const client = new HttpClient(api.url, CLIENTS * 2);
  try {
    const login = async (username: string, password: string) =>
      `Bearer ${(await client.request<{ accessToken: string }>('POST', '/api/auth/login', { username, password })).body.accessToken}`;
    const admin = await login('admin', 'Jixiao@2026');
    const post = async <T>(path: string, body: unknown, token: string) => {
      const res = await client.request<T>('POST', path, body, token);
      if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const dept = (await post<{ id: string }>('/api/orgs', { name: '基准测试主管部门', kind: 'department' }, admin)).id;
    await post('/api/users', { username: 'bench-reviewer', password: PASSWORD, role: 'reviewer', orgId: dept }, admin);
    const reviewer = await login('bench-reviewer', PASSWORD);
    const campaign = (await post<{ id: string }>('/api/campaigns', {
      year: 2024, departmentId: dept, declarationDeadline: '2099-03-15T18:00:00+08:00', reviewWorkingDays: 5,
      resubmitWorkingDays: 5, selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00', selfEvaluationDeadline: '2100-04-30T18:00:00+08:00',
    }, admin)).id;
    const units: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const unit = (await post<{ id: string }>('/api/orgs', { name: `基准测试单位${i}`, kind: 'unit', parentId: dept }, admin)).id;
      await post('/api/users', { username: `bench-unit-${i}`, password: PASSWORD, role: 'unit', orgId: unit }, admin);
      units.push(await login(`bench-unit-${i}`, PASSWORD));
    }
    // Forms are created before the clock starts: the benchmark times transitions only.
    const perClient = Math.ceil((SECONDS * 400) / CLIENTS);
    const createForms = (count: number) =>
      Promise.all(
        units.map(async (token) => {
          const ids: string[] = [];
          for (let k = 0; k < count; k++) ids.push((await post<{ id: string }>('/api/forms', hotlineFormBody(campaign), token)).id);
          return ids;
        }),
      );
    const forms = await createForms(perClient);
    const me = async (token: string) => (await client.request<{ id: string }>('GET', '/api/auth/me', undefined, token)).body.id;
    const reserved: Reserved = IN_PROCESS
      ? { forms: await createForms(perClient * 3), unitUserIds: await Promise.all(units.map(me)), reviewerUserId: await me(reviewer) }
      : { forms: [], unitUserIds: [], reviewerUserId: '' };

    // Extra API processes on the same database and Redis; client c talks to process c mod N.
    const extra = await Promise.all(
      Array.from({ length: API_PROCESSES - 1 }, () => startApi({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '100000' })),
    );
    const clients = [client, ...extra.map((e) => new HttpClient(e.url, CLIENTS * 2))];
    process.stderr.write(`[bench] API ${api.child.pid}: timed run starts\n`);
    const apiPids = Object.fromEntries([api, ...extra].map((a, i) => [i === 0 ? 'api' : `api${i + 1}`, a.child.pid]));
    const cpuBefore = sampleCpu(apiPids);
    const started = performance.now();
    const { latencies, errors, formsCompleted } = await drive(forms, async (c, id, role, body) => {
      const res = await clients[c % clients.length].request<{ version: number }>('POST', `/api/forms/${id}/events`, body, role === 'unit' ? units[c] : reviewer);
      return res.status === 200 ? res.body.version : null;
    });
    const elapsed = (performance.now() - started) / 1000;
    const cpuMsPerTransition = cpuPerOperation(cpuBefore, sampleCpu(apiPids), latencies.length);
    await Promise.all(extra.map((e) => e.stop()));
    clients.slice(1).forEach((c) => c.close());
    return { apiProcesses: API_PROCESSES, ...summary(latencies, elapsed, errors, cpuMsPerTransition), formsCompleted, reserved };
  } finally {
    client.close();
    await api.stop();
  }
}

type Step = (client: number, formId: string, role: 'unit' | 'reviewer', body: Record<string, unknown>) => Promise<number | null>;

/**
 * Client c takes its forms one after another through STEPS until SECONDS have passed; `step` sends one
 * event and answers the form's new version, or null when it was refused (the form is then left).
 */
async function drive(forms: string[][], step: Step): Promise<{ latencies: number[]; errors: number; formsCompleted: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let formsCompleted = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    forms.map(async (ids, c) => {
      for (const id of ids) {
        let version = 1;
        for (const [role, type, extra] of STEPS) {
          if (performance.now() >= end) return;
          const t0 = performance.now();
          const next = await step(c, id, role, { type, version, ...extra });
          latencies.push(performance.now() - t0);
          if (next === null) {
            errors++;
            break;
          }
          version = next;
        }
        formsCompleted++;
      }
    }),
  );
  return { latencies, errors, formsCompleted };
}

/**
 * The ceiling without HTTP: the events route's controller method called in this process (a Nest
 * application context on the same database, no HTTP server, no request pipeline), its answer
 * serialised as the HTTP response would be. CPU "inProcess" is this process.
 */
async function runInProcess(databaseUrl: string, prefix: string, reserved: Reserved): Promise<Result & { formsCompleted: number }> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const controller = app.get(FormsController);
    const callers = app.get(CallerCache);
    const load = async (id: string) => (await callers.get(id)) ?? Promise.reject(new Error(`no user ${id}`));
    const units = await Promise.all(reserved.unitUserIds.map(load));
    const reviewer = await load(reserved.reviewerUserId);
    const cpuBefore = sampleCpu({});
    const started = performance.now();
    const { latencies, errors, formsCompleted } = await drive(reserved.forms, async (c, id, role, body) => {
      const path = `/api/forms/${id}/events`;
      try {
        const view = await controller.events(id, body as unknown as FormEventDto, role === 'unit' ? units[c] : reviewer, { path } as AuthenticatedRequest);
        return (JSON.parse(JSON.stringify(view)) as { version: number }).version;
      } catch {
        return null;
      }
    });
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuPerOperation(cpuBefore, sampleCpu({}), latencies.length);
    const cpuMsPerTransition = cpu && { inProcess: cpu.loadGenerator, postgres: cpu.postgres };
    return { ...summary(latencies, elapsed, errors, cpuMsPerTransition), formsCompleted };
  } finally {
    await app.close();
  }
}

/** The figures of a timed run. */
function summary(latencies: number[], seconds: number, errors: number, cpuMsPerTransition: Record<string, number> | null): Result {
  return {
    transitions: latencies.length,
    perSecond: round(latencies.length / seconds, 0),
    p50ms: round(percentile(latencies, 50), 2),
    p99ms: round(percentile(latencies, 99), 2),
    errors,
    cpuMsPerTransition,
  };
}

/** One pg transaction per transition: UPDATE … WHERE version = $n, then INSERT the event row. */
async function runRaw(databaseUrl: string): Promise<Result> {
  const pool = new Pool({ connectionString: databaseUrl, max: CLIENTS });
  try {
    await pool.query(`CREATE TABLE raw_forms (id int PRIMARY KEY, state text NOT NULL, version int NOT NULL)`);
    await pool.query(`CREATE TABLE raw_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, form_id int NOT NULL,
      seq int NOT NULL, type text NOT NULL, from_state text, to_state text NOT NULL, actor text NOT NULL, at timestamptz NOT NULL,
      payload jsonb NOT NULL, UNIQUE (form_id, seq))`);
    const perClient = Math.ceil((SECONDS * 1500) / CLIENTS);
    await pool.query(`INSERT INTO raw_forms SELECT g, 'draft', 1 FROM generate_series(0, $1) g`, [perClient * CLIENTS]);
    const states = ['declared', 'reviewing', 'returned', 'declared', 'reviewing', 'approved'];
    const latencies: number[] = [];
    let errors = 0;
    const cpuBefore = sampleCpu({});
    const started = performance.now();
    const end = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const conn = await pool.connect();
        try {
          for (let k = 0; k < perClient; k++) {
            const id = c * perClient + k;
            for (let s = 0; s < STEPS.length; s++) {
              if (performance.now() >= end) return;
              const t0 = performance.now();
              await conn.query('BEGIN');
              const updated = await conn.query(`UPDATE raw_forms SET state = $2, version = version + 1 WHERE id = $1 AND version = $3`, [id, states[s], s + 1]);
              if (updated.rowCount !== 1) errors++;
              await conn.query(
                `INSERT INTO raw_events (form_id, seq, type, from_state, to_state, actor, at, payload) VALUES ($1, $2, $3, $4, $5, $6, now(), '{}')`,
                [id, s + 1, STEPS[s][1], s === 0 ? 'draft' : states[s - 1], states[s], 'bench'],
              );
              await conn.query('COMMIT');
              latencies.push(performance.now() - t0);
            }
          }
        } finally {
          conn.release();
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return summary(latencies, elapsed, errors, cpuPerOperation(cpuBefore, sampleCpu({}), latencies.length));
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const base = loadConfig({ DATABASE_URL: process.env.DATABASE_URL });
  const suffix = randomBytes(4).toString('hex');
  const apiDb = new URL(base.databaseUrl);
  apiDb.pathname = `/jixiao_bench_${suffix}`;
  const rawDb = new URL(base.databaseUrl);
  rawDb.pathname = `/jixiao_bench_raw_${suffix}`;
  try {
    const { reserved, ...api } = await runApi(apiDb.toString(), `jixiao-bench-${suffix}`);
    const inProcess = IN_PROCESS ? await runInProcess(apiDb.toString(), `jixiao-bench-${suffix}`, reserved) : undefined;
    await ensureDatabase(rawDb.toString());
    const raw = await runRaw(rawDb.toString());
    process.stdout.write(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: machine(),
          seconds: SECONDS,
          clients: CLIENTS,
          api,
          ...(inProcess && { inProcess, httpShare: round(1 - api.perSecond / inProcess.perSecond, 2) }),
          raw,
          ratio: round(api.perSecond / raw.perSecond, 2),
          goals: { perSecond: 1500, ratio: 0.45, p99ms: 50 },
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await dropDatabase(apiDb.toString()).catch(() => undefined);
    await dropDatabase(rawDb.toString()).catch(() => undefined);
    await deleteKeysWithPrefix(base.redisUrl, `jixiao-bench-${suffix}`);
  }
}

void main();
