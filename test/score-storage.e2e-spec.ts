import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_SCHEME, formLowestIndicator, scoreForm, type ScoreResult } from '@app/domain';
import {
  dataSourceOptions, decodeExplanation, dropDatabase, encodeExplanation, ensureDatabase, ReportsRepository, runMigrationsLocked, ScoringRepository,
} from '@app/persistence';
import { syntheticForm } from '../bench/scoring/synthetic';
import { startTestApi, TestApi } from './support/test-api';
import { testConfig } from './support/test-config';

// Stored scores (real PostgreSQL): the explanation as deflated bytes the worker produces, the form's
// lowest indicator beside it, and the report's lowest indicators picked from those — the same answer
// as the report's former SQL over jsonb explanations.

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** Forms of one campaign seeded in SQL (a form row needs its event in the same transaction). */
async function seedForms(ds: DataSource, states: string[]): Promise<{ campaign: string; ids: string[] }> {
  return ds.transaction(async (m) => {
    const q: Query = (sql, params) => m.query(sql, params);
    const suffix = randomUUID();
    const [{ id: dept }] = (await q(`INSERT INTO organisations (name, kind) VALUES ($1, 'department') RETURNING id`, [`部门${suffix}`])) as { id: string }[];
    const [{ id: unit }] = (await q(`INSERT INTO organisations (name, kind, parent_id) VALUES ($1, 'unit', $2) RETURNING id`, [`单位${suffix}`, dept])) as { id: string }[];
    const [{ id: campaign }] = (await q(
      `INSERT INTO campaigns (year, department_id, declaration_deadline, review_working_days, resubmit_working_days,
                              self_evaluation_opens_at, self_evaluation_deadline, reminder_offsets)
       VALUES (2024, $1, now() - interval '300 days', 5, 5, now() - interval '30 days', now() + interval '60 days', '{}') RETURNING id`,
      [dept],
    )) as { id: string }[];
    const rows = (await q(
      `INSERT INTO forms (id, campaign_id, unit_id, department_id, year, state, snapshot, machine_version, version, content, project_name,
                          requested_total, approved_amount, last_event_seq, last_event_hash)
       SELECT gen_random_uuid(), $1, $2, $3, 2024, s.state, '{}'::jsonb, '1', 1, '{}'::jsonb, '项目' || lpad(s.k::text, 3, '0'), 100, 100, 1, 'x'
         FROM unnest($4::text[]) WITH ORDINALITY AS s(state, k)
       RETURNING id, project_name`,
      [campaign, unit, dept, states],
    )) as { id: string; project_name: string }[];
    await q(
      `INSERT INTO form_events (form_id, seq, type, from_state, to_state, form_version, actor_username, actor_role, at, prev_hash, hash)
       SELECT id, 1, 'SEED', NULL, state, 1, 'test', 'system', now(), 'x', 'x' FROM forms WHERE campaign_id = $1`,
      [campaign],
    );
    return { campaign, ids: rows.sort((a, b) => (a.project_name < b.project_name ? -1 : 1)).map((r) => r.id) };
  });
}

/** A real explanation, with its indicators' outcomes varied (ratios with ties, some not applicable or unscorable). */
function variedResult(k: number): ScoreResult {
  const f = syntheticForm(k);
  const result = scoreForm(f.baseline, f.selfEvaluation, DEFAULT_SCHEME);
  result.indicators.forEach((i, n) => {
    const v = (k * 7 + n * 5) % 11;
    if (v === 0) Object.assign(i, { applicable: false, ratio: null, points: '0.00' });
    else if (v === 1) Object.assign(i, { ratio: null, points: '0.00', rule: 'unscorable' });
    // 17 ratios and 7 points, varying independently across forms and indicators: ties on either but rarely both.
    else Object.assign(i, { ratio: (((k * 13 + n * 3) % 17) / 16).toFixed(4), points: `${(k * 5 + n * 11) % 7}.50` });
  });
  return result;
}

// The report's SQL before explanations left jsonb, verbatim but for the table it reads.
const FORMER_LOWEST = `
  SELECT f.id AS "formId", f.project_name AS "projectName", o.name AS "unitName", i->>'name' AS name, i->>'level1' AS "level1",
         i->>'weight' AS weight, i->>'points' AS points, i->>'ratio' AS ratio
    FROM former_scores s JOIN forms f ON f.id = s.form_id JOIN organisations o ON o.id = f.unit_id,
         jsonb_array_elements(s.result->'indicators') AS i
   WHERE f.campaign_id = $1 AND s.scheme_version = $2 AND f.state = ANY($4::text[])
     AND (i->>'applicable')::boolean AND i->>'ratio' IS NOT NULL
   ORDER BY (i->>'ratio')::numeric, (i->>'points')::numeric, f.project_name, i->>'name'
   LIMIT $3`;

describe('stored scores (e2e, real PostgreSQL)', () => {
  let api: TestApi;
  let scoring: ScoringRepository;
  let reports: ReportsRepository;
  const version = DEFAULT_SCHEME.version;

  beforeAll(async () => {
    api = await startTestApi();
    scoring = api.app.get(ScoringRepository);
    reports = api.app.get(ReportsRepository);
    await scoring.registerScheme(version, DEFAULT_SCHEME);
  });
  afterAll(() => api.close());

  it('stores the explanation as deflated bytes with the lowest indicator beside it, and reads back the same result', async () => {
    const { ids } = await seedForms(api.db.source, ['selfEvaluationReview', 'completed']);
    const results = [variedResult(1), variedResult(2)];
    await scoring.saveScores(ids.map((formId, k) => ({ formId, schemeVersion: version, total: results[k].total, grade: results[k].grade, result: results[k], formVersion: 1 })));
    for (const [k, formId] of ids.entries()) {
      const stored = await scoring.score(formId, version);
      expect(stored).toMatchObject({ formId, schemeVersion: version, total: results[k].total, grade: results[k].grade, formVersion: 1 });
      expect(stored!.result).toEqual(results[k]);
      expect(stored!.computedAt).toBeInstanceOf(Date);
    }
    const rows = (await api.db.source.query(
      `SELECT form_id, get_byte(explanation, 0) AS first, octet_length(explanation) AS bytes, lowest_ratio::text, lowest_points::text, lowest_name
         FROM scores WHERE form_id = ANY($1)`,
      [ids],
    )) as { form_id: string; first: number; bytes: number; lowest_ratio: string; lowest_points: string; lowest_name: string }[];
    for (const row of rows) {
      const result = results[ids.indexOf(row.form_id)];
      expect(row.first).toBe(0x78); // zlib
      expect(row.bytes).toBeLessThan(Buffer.byteLength(JSON.stringify(result)) / 3);
      const lowest = formLowestIndicator(result.indicators)!;
      expect({ ratio: row.lowest_ratio, points: row.lowest_points, name: row.lowest_name }).toEqual(lowest);
    }
  });

  it('keeps one row per form and scheme, and a newer self-evaluation wins, never an older one (batch and single)', async () => {
    const { ids: [formId] } = await seedForms(api.db.source, ['completed']);
    const [v1, v2, v3] = [variedResult(3), variedResult(4), variedResult(5)];
    const row = (result: ScoreResult, formVersion: number) => ({ formId, schemeVersion: version, total: result.total, grade: result.grade, result, formVersion });
    await scoring.saveScores([row(v1, 2)]);
    await scoring.saveScores([row(v2, 1)]);
    expect((await scoring.score(formId, version))!.result).toEqual(v1);
    await scoring.saveScore(row(v2, 1));
    expect((await scoring.score(formId, version))!.result).toEqual(v1);
    await scoring.saveScore(row(v3, 3));
    expect(await scoring.score(formId, version)).toMatchObject({ result: v3, formVersion: 3 });
    const [{ lowest_name }] = await api.db.source.query(`SELECT lowest_name FROM scores WHERE form_id = $1`, [formId]);
    expect(lowest_name).toBe(formLowestIndicator(v3.indicators)!.name);
    expect(await api.db.source.query(`SELECT count(*)::int AS n FROM scores WHERE form_id = $1`, [formId])).toEqual([{ n: 1 }]);
  });

  it('a form without any indicator that takes part stores no lowest indicator and is never listed', async () => {
    const { campaign, ids: [formId] } = await seedForms(api.db.source, ['completed']);
    const result = variedResult(6);
    for (const i of result.indicators) Object.assign(i, { applicable: false, ratio: null });
    await scoring.saveScore({ formId, schemeVersion: version, total: result.total, grade: result.grade, result, formVersion: 1 });
    const [{ lowest_ratio }] = await api.db.source.query(`SELECT lowest_ratio FROM scores WHERE form_id = $1`, [formId]);
    expect(lowest_ratio).toBeNull();
    expect(await reports.lowestIndicators(campaign, version, 10)).toEqual([]);
  });

  it("lists the same lowest indicators as the report's former SQL over jsonb explanations", async () => {
    const states = Array.from({ length: 60 }, (_, k) => (k % 9 === 4 ? 'selfEvaluation' : k % 5 === 0 ? 'completed' : 'selfEvaluationReview'));
    const { campaign, ids } = await seedForms(api.db.source, states);
    const results = ids.map((_, k) => variedResult(k));
    await scoring.saveScores(ids.map((formId, k) => ({ formId, schemeVersion: version, total: results[k].total, grade: results[k].grade, result: results[k], formVersion: 1 })));
    // The same results, stored the former way, for the former query.
    await api.db.source.query(`CREATE TABLE former_scores (form_id uuid, scheme_version text, result jsonb)`);
    await api.db.source.query(
      `INSERT INTO former_scores SELECT x.form_id, $2, x.result FROM jsonb_to_recordset($1::jsonb) AS x(form_id uuid, result jsonb)`,
      [JSON.stringify(ids.map((formId, k) => ({ formId, result: results[k] })).map((r) => ({ form_id: r.formId, result: r.result }))), version],
    );
    for (const limit of [1, 3, 10, 25]) {
      const former = await api.db.source.query(FORMER_LOWEST, [campaign, version, limit, ['selfEvaluationReview', 'completed']]);
      expect(former).toHaveLength(limit);
      expect(await reports.lowestIndicators(campaign, version, limit)).toEqual(former);
    }
    // Another scheme's scores are not this scheme's report.
    expect(await reports.lowestIndicators(campaign, 'other.v1', 10)).toEqual([]);
  });
});

describe('migration ScoreExplanations (e2e, real PostgreSQL)', () => {
  const { databaseUrl } = testConfig();
  let ds: DataSource;

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    ds = await new DataSource(dataSourceOptions(databaseUrl, 2)).initialize();
    await runMigrationsLocked(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(databaseUrl);
  });

  it('converts jsonb explanations to bytes with their lowest indicator, and back', async () => {
    await ds.undoLastMigration({ transaction: 'all' });
    await ds.query(`INSERT INTO scoring_schemes (version, scheme) VALUES ($1, $2)`, [DEFAULT_SCHEME.version, JSON.stringify(DEFAULT_SCHEME)]);
    const { ids } = await seedForms(ds, ['completed', 'completed', 'selfEvaluationReview']);
    const results = [variedResult(7), variedResult(8), variedResult(9)];
    for (const i of results[2].indicators) Object.assign(i, { applicable: false, ratio: null });
    for (const [k, formId] of ids.entries()) {
      await ds.query(`INSERT INTO scores (form_id, scheme_version, total, grade, result, form_version) VALUES ($1, $2, $3, $4, $5, 1)`, [
        formId, DEFAULT_SCHEME.version, results[k].total, results[k].grade, JSON.stringify(results[k]),
      ]);
    }

    await runMigrationsLocked(ds);
    const rows = (await ds.query(
      `SELECT form_id, explanation, lowest_ratio::text, lowest_points::text, lowest_name FROM scores ORDER BY form_id`,
    )) as { form_id: string; explanation: Buffer; lowest_ratio: string | null; lowest_points: string | null; lowest_name: string | null }[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const result = results[ids.indexOf(row.form_id)];
      expect(row.explanation[0]).toBe(0x7b); // the JSON text itself
      expect(JSON.parse(row.explanation.toString('utf8'))).toEqual(result);
      const lowest = formLowestIndicator(result.indicators);
      expect(row.lowest_ratio === null ? null : { ratio: row.lowest_ratio, points: row.lowest_points, name: row.lowest_name }).toEqual(lowest);
    }
    expect(rows.filter((r) => r.lowest_ratio === null)).toHaveLength(1);
    // The reader takes converted rows as they are.
    expect(decodeExplanation(rows[0].explanation)).toEqual(results[ids.indexOf(rows[0].form_id)]);

    // A row written by the new code (deflated) goes back too.
    await ds.query(`UPDATE scores SET explanation = $2 WHERE form_id = $1`, [ids[0], encodeExplanation(results[0])]);
    await ds.undoLastMigration({ transaction: 'all' });
    const back = (await ds.query(`SELECT form_id, result FROM scores ORDER BY form_id`)) as { form_id: string; result: ScoreResult }[];
    expect(back.map((r) => r.result)).toEqual(back.map((r) => results[ids.indexOf(r.form_id)]));
    await runMigrationsLocked(ds);
  });
});
