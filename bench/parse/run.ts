// bench/parse: import + pre-check every seed form, repeatedly, on one core (issue "Domain core").
// Goal: ≥ 5,000 forms/s for import + pre-checks. Also µs per target for the target parser alone.
// Run: npm run bench:parse [-- --seconds 5]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importAndCheck, importForms, parseTarget, parseTargetUncached } from '@app/domain';
import { machine, round } from '../support/stats';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const dir = path.join(__dirname, '../../test/fixtures/seeds');
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
const formsPerRound = texts.reduce((n, t) => n + importForms(t).forms.length, 0);
const targets = texts.flatMap((t) => importForms(t).forms.flatMap((f) => f.indicators.map((i) => i.target)));

/** Runs `work` for `seconds` after a 1 s warm-up; returns rounds per second. */
function measure(work: () => void, forSeconds: number): { rounds: number; perSecond: number } {
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) work();
  let rounds = 0;
  const start = performance.now();
  const end = start + forSeconds * 1000;
  while (performance.now() < end) {
    work();
    rounds++;
  }
  return { rounds, perSecond: rounds / ((performance.now() - start) / 1000) };
}

let sink = 0;
const full = measure(() => {
  for (const t of texts) sink += importAndCheck(t).forms.length;
}, seconds);
const importOnly = measure(() => {
  for (const t of texts) sink += importForms(t).forms.length;
}, seconds);
const parse = measure(() => {
  for (const t of targets) sink += parseTargetUncached(t).kind.length;
}, seconds);
const parseMemo = measure(() => {
  for (const t of targets) sink += parseTarget(t).kind.length;
}, seconds);

const result = {
  date: new Date().toISOString(),
  machine: machine(),
  seedForms: formsPerRound,
  seedTargets: targets.length,
  importAndPrecheckFormsPerSecond: round(full.perSecond * formsPerRound, 0),
  importOnlyFormsPerSecond: round(importOnly.perSecond * formsPerRound, 0),
  precheckShareOfTime: round(1 - (importOnly.perSecond > 0 ? full.perSecond / importOnly.perSecond : 0), 2),
  microsecondsPerTarget: round(1e6 / (parse.perSecond * targets.length), 2),
  microsecondsPerTargetMemoised: round(1e6 / (parseMemo.perSecond * targets.length), 3),
  goalFormsPerSecond: 5000,
  sink,
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
