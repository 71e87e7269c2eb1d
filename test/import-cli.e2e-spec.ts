import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function runImport(...args: string[]) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
    encoding: 'utf8',
  });
}

// `npm run import -- <file>` prints the parsed forms and warnings as JSON.
describe('import CLI', () => {
  it('prints the forms of a seed file with their warnings', () => {
    const res = runImport('test/fixtures/seeds/002_7f93d8ab5a9d0f21.txt');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { forms: { projectName: string; year: number }[]; warnings: { source: string }[] };
    expect(out.forms.map((f) => f.projectName)).toEqual(['绿化市容基础设施保障', '人才教育培训', '信息化建设项目', expect.any(String), expect.any(String)]);
    expect(out.forms.every((f) => f.year === 2023)).toBe(true);
    expect(out.warnings.some((w) => w.source === 'precheck')).toBe(true);
  });

  it('exits non-zero with a Chinese message for a missing file or no argument', () => {
    const missing = runImport('no/such/file.txt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('无法读取');
    const none = runImport();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('用法');
  });
});
