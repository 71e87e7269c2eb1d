#!/usr/bin/env node
// `npm start`: runs the API and the worker together as two processes (each can also run alone:
// `npm run start:api`, `npm run start:worker`). If either exits, the other is stopped and the exit
// code is passed on; SIGINT/SIGTERM are forwarded so that both shut down gracefully.
// `--dev` runs the TypeScript sources through ts-node instead of the build in dist/.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dev = process.argv.includes('--dev');
const apps = ['api', 'worker'];

function command(app) {
  if (!dev) return [path.join(root, 'dist/apps', app, 'src/main.js')];
  return ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', path.join(root, 'apps', app, 'src/main.ts')];
}

const env = { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PROJECT: path.join(root, 'tsconfig.json') };
const children = apps.map((app) => {
  const child = spawn(process.execPath, command(app), { cwd: root, env, stdio: 'inherit' });
  child.app = app;
  return child;
});

let exitCode = null;
function stopAll(signal) {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
for (const child of children) {
  child.on('exit', (code, signal) => {
    if (exitCode === null) {
      exitCode = code ?? (signal ? 1 : 0);
      if (signal !== 'SIGTERM' && signal !== 'SIGINT') {
        process.stderr.write(`jixiao: ${child.app} exited (${signal ?? code}); stopping the rest\n`);
      }
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (exitCode === null) exitCode = 0;
    stopAll(signal);
  });
}
