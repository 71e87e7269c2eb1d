// Lints snippets of code as if they were given files, with the project's ESLint config, in one
// ESLint instance (one TypeScript program). Reads [{ code, filePath }] as JSON on stdin, prints the
// rule ids per snippet. Run as a child process: ESLint's config loading needs native ESM, which jest lacks.
'use strict';
const { ESLint } = require('eslint');
const path = require('node:path');

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const root = path.resolve(__dirname, '../..');
  const eslint = new ESLint({ cwd: root });
  const out = [];
  for (const { code, filePath } of JSON.parse(input)) {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
    out.push(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));
  }
  process.stdout.write(JSON.stringify(out));
});
