import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface Snippet {
  code: string;
  filePath: string;
}

/** Lints every snippet with the project's real ESLint config, in one child process. */
function lintAll(snippets: Snippet[]): string[][] {
  const res = spawnSync(process.execPath, [path.join(__dirname, 'support/lint-snippets.js')], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout) as string[][];
}

const FORBIDDEN_IN_DOMAIN = ['@nestjs/common', 'typeorm', 'bullmq', 'ioredis'];
const importOf = (pkg: string) => `import * as x from '${pkg}';\nexport const y = x;\n`;
const SNIPPETS: Record<string, Snippet> = {
  ...Object.fromEntries(FORBIDDEN_IN_DOMAIN.map((pkg) => [pkg, { code: importOf(pkg), filePath: 'libs/domain/src/accounts/roles.ts' }])),
  outsideDomain: { code: importOf('@nestjs/common'), filePath: 'apps/api/src/main.ts' },
  promises: {
    code: `export async function f(): Promise<void> {}\nexport function g(): void { f(); }\nexport const h: () => void = async () => {};\nif (f()) g();\n`,
    filePath: 'apps/api/src/main.ts',
  },
  switch: {
    code: `export function f(r: 'a' | 'b'): number {\n  switch (r) {\n    case 'a':\n      return 1;\n  }\n  return 0;\n}\n`,
    filePath: 'apps/api/src/main.ts',
  },
};

// A boundary rule that checks nothing is worse than none: prove each lint rule fires.
describe('lint rules', () => {
  let results: Record<string, string[]>;
  beforeAll(() => {
    const names = Object.keys(SNIPPETS);
    const out = lintAll(names.map((n) => SNIPPETS[n]));
    results = Object.fromEntries(names.map((n, i) => [n, out[i]]));
  });

  it.each(FORBIDDEN_IN_DOMAIN)('forbids %s in libs/domain', (pkg) => {
    expect(results[pkg]).toContain('no-restricted-imports');
  });

  it('allows the same import outside libs/domain', () => {
    expect(results.outsideDomain).toEqual([]);
  });

  it('reports floating and misused promises', () => {
    expect(results.promises).toEqual(
      expect.arrayContaining(['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']),
    );
  });

  it('reports a switch that misses a case of a union', () => {
    expect(results.switch).toContain('@typescript-eslint/switch-exhaustiveness-check');
  });
});
