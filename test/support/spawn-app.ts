import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { AppConfig } from '@app/config';

const ROOT = path.resolve(__dirname, '../..');

export interface SpawnedApp {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment that makes a child process use the given config. */
export function envFor(config: AppConfig): Record<string, string> {
  return {
    NODE_ENV: config.nodeEnv,
    PORT: String(config.port),
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    JWT_SECRET: config.jwt.secret,
    ADMIN_USERNAME: config.admin.username,
    ADMIN_PASSWORD: config.admin.password,
    LOG_LEVEL: 'info',
    WORKER_SHUTDOWN_TIMEOUT_SECONDS: String(config.workerShutdownTimeoutSeconds),
  };
}

/** Runs apps/<app>/src/main.ts in a real child process (ts-node, transpile only), as `npm run start:dev` does. */
export function spawnApp(app: 'api' | 'worker', config: AppConfig, extraEnv: Record<string, string> = {}): SpawnedApp {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', path.join(ROOT, 'apps', app, 'src/main.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...envFor(config), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}
