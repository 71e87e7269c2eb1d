import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { DEV_ADMIN_PASSWORD, DEV_JWT_SECRET } from './config.schema';

// Config: the variables and defaults of API.md "Configuration"; a bad value names its variable.
describe('loadConfig', () => {
  it('needs nothing set on a machine with local PostgreSQL and Redis', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/jixiao',
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'jixiao',
      jwt: { secret: DEV_JWT_SECRET },
      admin: { username: 'admin', password: DEV_ADMIN_PASSWORD },
      logLevel: 'info',
    });
    // The built web page, resolved against the working directory (the image runs in /app).
    expect(config.webRoot).toBe(resolve('dist/web'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:secret@db:5432/jx',
      REDIS_URL: 'rediss://cache:6380/2',
      QUEUE_PREFIX: '{jixiao}',
      JWT_SECRET: 'a-very-long-production-secret',
      ADMIN_USERNAME: 'root-admin',
      ADMIN_PASSWORD: 'An0ther-Secret',
      LOG_LEVEL: 'debug',
      WEB_ROOT: '/srv/jixiao/web',
    });
    expect(config).toMatchObject({
      webRoot: '/srv/jixiao/web',
      port: 8080,
      databaseUrl: 'postgresql://app:secret@db:5432/jx',
      redisUrl: 'rediss://cache:6380/2',
      queuePrefix: '{jixiao}',
      jwt: { secret: 'a-very-long-production-secret' },
      admin: { username: 'root-admin', password: 'An0ther-Secret' },
      logLevel: 'debug',
    });
  });

  // Behind nginx every request comes from the proxy: without this the whole office would share one
  // login rate limit, and the audit log would name the proxy. Unset, X-Forwarded-For is not believed.
  it('reads TRUST_PROXY as hops or as proxy addresses and ranges; unset trusts none', () => {
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.10, fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ port: 3000, logLevel: 'info' });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/jixiao'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['QUEUE_PREFIX', 'has space'],
    ['QUEUE_PREFIX', 'with:colon'],
    ['JWT_SECRET', 'short'],
    ['ADMIN_USERNAME', 'a b'],
    ['ADMIN_PASSWORD', 'weakpassword'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '0'],
    ['TRUST_PROXY', '11'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'fd00::/129'],
    ['TRUST_PROXY', 'proxy.example.com'],
    ['TRUST_PROXY', '10.0.0.1/8/8'],
    ['TRUST_PROXY', ' , '],
  ])('rejects %s=%j, naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    expect((error as ConfigError).message).toContain(`${variable}:`);
  });

  it('refuses the development JWT secret and admin password in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET']);
    }
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-very-long-production-secret', ADMIN_PASSWORD: 'Pr0d-Admin!' }).nodeEnv,
    ).toBe('production');
  });
});
