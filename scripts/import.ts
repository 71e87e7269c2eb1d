// `npm run import -- <file> [--year 2024]`: prints the forms parsed from the text of a published 申报表,
// with the importer's and the pre-checks' warnings, as JSON (the same as POST /api/forms/import?dryRun=true).
import { readFileSync } from 'node:fs';
import { importAndCheck } from '@app/domain';

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  const yearFlag = argv.indexOf('--year');
  if (!file) {
    process.stderr.write('用法：npm run import -- <申报表文本文件> [--year 2024]\n');
    return 2;
  }
  const year = yearFlag >= 0 ? Number(argv[yearFlag + 1]) : undefined;
  if (year !== undefined && !Number.isInteger(year)) {
    process.stderr.write('--year 应为年份，例如 2024\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`无法读取 ${file}：${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(JSON.stringify(importAndCheck(text, { year }), null, 2) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
