import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { CALENDAR_CASES, answerCalendarCases, normalize } from './calendar.fixtures';

/**
 * The process TZ must not change a result. jest gives each test file a copy of process.env, so
 * setting TZ here never reaches V8 (checked: local getters keep the old zone); each zone therefore
 * runs the shared cases in a child process started with that TZ, which also reports a local-time
 * reading to prove the zone was in effect.
 */
const EXPECTED = CALENDAR_CASES.map((c) => normalize(c.expected));
const FIXTURES = resolve(__dirname, 'calendar.fixtures.ts');
const PROBE = `
  const { answerCalendarCases } = require(${JSON.stringify(FIXTURES)});
  const probe = new Date(Date.UTC(2025, 0, 1, 3, 0, 0)); // 11:00 in Shanghai, 22:00 the day before in New York
  process.stdout.write(JSON.stringify({ localDate: probe.getDate(), offset: probe.getTimezoneOffset(), answers: answerCalendarCases() }));
`;

interface ChildReport {
  localDate: number;
  offset: number;
  answers: unknown[];
}

function runUnder(tz: string): Promise<ChildReport> {
  const env = { ...process.env, TZ: tz, TS_NODE_TRANSPILE_ONLY: '1' };
  return new Promise((done, fail) => {
    execFile(process.execPath, ['-r', 'ts-node/register', '-e', PROBE], { env, cwd: resolve(__dirname, '../../../..'), timeout: 30_000 }, (error, stdout, stderr) =>
      error ? fail(new Error(`${tz}: ${error.message}\n${stderr}`)) : done(JSON.parse(stdout) as ChildReport),
    );
  });
}

// Zones on both sides of Shanghai, including one (UTC+14) where the local date runs ahead of it.
const ZONES = [
  { tz: 'UTC', localDate: 1, offset: 0 },
  { tz: 'America/New_York', localDate: 31, offset: 300 },
  { tz: 'Asia/Shanghai', localDate: 1, offset: -480 },
  { tz: 'Pacific/Kiritimati', localDate: 1, offset: -840 },
];

describe('the process TZ does not change a result', () => {
  const reports = new Map<string, Promise<ChildReport>>();
  beforeAll(() => {
    for (const { tz } of ZONES) reports.set(tz, runUnder(tz)); // in parallel: each child loads ts-node
  });

  it('this process answers the shared cases as expected', () => {
    expect(answerCalendarCases()).toEqual(EXPECTED);
  });

  it.each(ZONES)('under TZ=$tz the same answers (and the zone was really in effect)', async ({ tz, localDate, offset }) => {
    const report = await reports.get(tz)!;
    expect({ localDate: report.localDate, offset: report.offset }).toEqual({ localDate, offset });
    expect(report.answers).toEqual(EXPECTED);
  });
});
