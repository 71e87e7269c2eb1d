import request from 'supertest';
import { DEV_ADMIN_PASSWORD } from '@app/config';
import { startTestApi, TestApi } from './support/test-api';

// Foundation: accounts, organisations and login over HTTP against the real PostgreSQL and Redis.
describe('auth, organisations and users (e2e)', () => {
  let api: TestApi;
  let admin: string;
  const ids: Record<string, string> = {};

  const auditRows = async (event: string, username?: string) =>
    (await api.db.source.query(
      `SELECT event, user_id AS "userId", username, ip, request_id AS "requestId", details
         FROM security_audit_log WHERE event = $1 AND ($2::text IS NULL OR username = $2) ORDER BY id`,
      [event, username ?? null],
    )) as { event: string; userId: string | null; username: string | null; ip: string | null; requestId: string | null; details: Record<string, unknown> }[];

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('admin', DEV_ADMIN_PASSWORD);
  });
  afterAll(() => api.close());

  describe('admin bootstrap', () => {
    it('created the admin from ADMIN_USERNAME / ADMIN_PASSWORD on first start, with an argon2id hash', async () => {
      const rows = await api.db.source.query(`SELECT username, role, org_id, password_hash FROM users`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ username: 'admin', role: 'admin', org_id: null });
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(await auditRows('ADMIN_BOOTSTRAPPED')).toHaveLength(1);
    });

    it('login returns a token and the user as in API.md', async () => {
      const res = await request(api.http).post('/api/auth/login').send({ username: 'admin', password: DEV_ADMIN_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expiresIn: api.config.jwt.expiresInSeconds,
        user: { id: expect.any(String), username: 'admin', role: 'admin', orgId: null },
      });
    });
  });

  describe('organisations and users', () => {
    it('creates a department, a unit under it and users of each role', async () => {
      const dept = await request(api.http).post('/api/orgs').set('Authorization', admin)
        .send({ name: '上海市绿化和市容管理局', kind: 'department' });
      expect(dept.status).toBe(201);
      expect(dept.body).toEqual({ id: expect.any(String), name: '上海市绿化和市容管理局', kind: 'department', parentId: null });
      ids.dept = dept.body.id;

      const unit = await request(api.http).post('/api/orgs').set('Authorization', admin)
        .send({ name: '上海市绿化和市容管理局行政服务中心', kind: 'unit', parentId: ids.dept });
      expect(unit.status).toBe(201);
      expect(unit.body).toMatchObject({ kind: 'unit', parentId: ids.dept });
      ids.unit = unit.body.id;

      for (const [username, role, orgId] of [
        ['reviewer1', 'reviewer', ids.dept],
        ['unit1', 'unit', ids.unit],
        ['admin2', 'admin', undefined],
      ] as const) {
        const res = await request(api.http).post('/api/users').set('Authorization', admin)
          .send({ username, password: 'Passw0rd!', role, orgId });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({ id: expect.any(String), username, role, orgId: orgId ?? null, email: null });
        expect(res.body).not.toHaveProperty('passwordHash');
        ids[username] = res.body.id;
      }
      expect(await auditRows('ORG_CREATED')).toHaveLength(2);
      expect(await auditRows('USER_CREATED')).toHaveLength(3);
    });

    it('puts the caller and, for a reviewer, the units of its department on the request', async () => {
      const reviewer = await api.login('reviewer1', 'Passw0rd!');
      const me = await request(api.http).get('/api/auth/me').set('Authorization', reviewer);
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: ids.reviewer1, username: 'reviewer1', role: 'reviewer', orgId: ids.dept, departmentId: ids.dept, unitIds: [ids.unit] });
      const unit = await api.login('unit1', 'Passw0rd!');
      const unitMe = await request(api.http).get('/api/auth/me').set('Authorization', unit);
      expect(unitMe.body).toMatchObject({ orgId: ids.unit, departmentId: ids.dept, unitIds: [ids.unit] });
    });

    it('refuses a unit without a department, or under a unit, with 422', async () => {
      const noParent = await request(api.http).post('/api/orgs').set('Authorization', admin).send({ name: '某单位', kind: 'unit' });
      expect(noParent.status).toBe(422);
      expect(noParent.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'parentId' })] });
      const underUnit = await request(api.http).post('/api/orgs').set('Authorization', admin)
        .send({ name: '某单位', kind: 'unit', parentId: ids.unit });
      expect(underUnit.status).toBe(422);
    });

    it('refuses a duplicate sibling name and a duplicate username (case-insensitive) with 409', async () => {
      const dup = await request(api.http).post('/api/orgs').set('Authorization', admin).send({ name: '上海市绿化和市容管理局', kind: 'department' });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('CONFLICT');
      const user = await request(api.http).post('/api/users').set('Authorization', admin)
        .send({ username: 'Unit1', password: 'Passw0rd!', role: 'unit', orgId: ids.unit });
      expect(user.status).toBe(409);
    });

    it.each([
      ['short', 'Ab1!', 'password.minLength'],
      ['two classes', 'abcdefgh1', 'password.classes'],
    ])('refuses a weak password (%s) with 422 naming the rule', async (_label, password, rule) => {
      const res = await request(api.http).post('/api/users').set('Authorization', admin)
        .send({ username: 'weak-user', password, role: 'unit', orgId: ids.unit });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ path: 'password', rule, message: expect.stringContaining('密码') }]);
    });

    it('refuses a reviewer attached to a unit with 422', async () => {
      const res = await request(api.http).post('/api/users').set('Authorization', admin)
        .send({ username: 'reviewer-x', password: 'Passw0rd!', role: 'reviewer', orgId: ids.unit });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ path: 'orgId', rule: 'user.orgKind' });
    });
  });

  describe('authentication and authorisation', () => {
    it('requires a token (401), and refuses a forged one (401)', async () => {
      const none = await request(api.http).post('/api/orgs').send({ name: 'x', kind: 'department' });
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHENTICATED');
      const forged = await request(api.http).get('/api/auth/me').set('Authorization', admin.slice(0, -3) + 'abc');
      expect(forged.status).toBe(401);
    });

    it('answers 403 to a unit user calling an admin route, and audits it', async () => {
      const unit = await api.login('unit1', 'Passw0rd!');
      const res = await request(api.http).post('/api/users').set('Authorization', unit)
        .send({ username: 'sneaky', password: 'Passw0rd!', role: 'admin' });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: [], requestId: expect.any(String) } });
      const rows = await auditRows('PERMISSION_DENIED', 'unit1');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userId: ids.unit1, requestId: res.body.error.requestId, details: { method: 'POST', role: 'unit', route: '/api/users' } });
    });

    it('answers 401 to a wrong password and to an unknown user, and audits both', async () => {
      const wrong = await request(api.http).post('/api/auth/login').send({ username: 'reviewer1', password: 'Wrong-pass1' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
      const unknown = await request(api.http).post('/api/auth/login').send({ username: 'nobody', password: 'Wrong-pass1' });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.message).toBe(wrong.body.error.message);
      expect((await auditRows('LOGIN_FAILED', 'reviewer1'))[0]).toMatchObject({ userId: ids.reviewer1, details: { reason: 'wrongPassword', failures: 1 } });
      expect((await auditRows('LOGIN_FAILED', 'nobody'))[0]).toMatchObject({ userId: null, details: { reason: 'unknownUser' } });
      // A success resets the count.
      await api.login('reviewer1', 'Passw0rd!');
      const [row] = await api.db.source.query(`SELECT failed_login_count FROM users WHERE id = $1`, [ids.reviewer1]);
      expect(row.failed_login_count).toBe(0);
    });

    it('locks the account at the 5th consecutive failure (423), then refuses even the right password', async () => {
      const attempt = (password: string) => request(api.http).post('/api/auth/login').send({ username: 'admin2', password });
      for (let i = 1; i <= 4; i++) expect((await attempt(`Wrong-${i}aA`)).status).toBe(401);
      const fifth = await attempt('Wrong-5aA');
      expect(fifth.status).toBe(423);
      expect(fifth.body.error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('30 分钟') });
      const right = await attempt('Passw0rd!');
      expect(right.status).toBe(423);
      expect(right.body.error.code).toBe('ACCOUNT_LOCKED');

      const [user] = await api.db.source.query(`SELECT failed_login_count, locked_until FROM users WHERE id = $1`, [ids.admin2]);
      expect(user.failed_login_count).toBe(5);
      const lockMinutes = (new Date(user.locked_until).getTime() - Date.now()) / 60_000;
      expect(lockMinutes).toBeGreaterThan(29);
      expect(lockMinutes).toBeLessThanOrEqual(30);
      expect(await auditRows('LOGIN_FAILED', 'admin2')).toHaveLength(5);
      expect(await auditRows('ACCOUNT_LOCKED', 'admin2')).toHaveLength(1);
      expect(await auditRows('LOGIN_REJECTED_LOCKED', 'admin2')).toHaveLength(1);
    });

    it('answers a username that is no account exactly as an account: 401 four times, then 423 with the same message', async () => {
      // Else the 5th answer (423 for an account, 401 for no account) tells which usernames exist.
      const attempt = (username: string, password: string) => request(api.http).post('/api/auth/login').send({ username, password });
      const answers = async (username: string) => {
        const out: { status: number; error: unknown }[] = [];
        for (let i = 1; i <= 6; i++) {
          const res = await attempt(username, `Wrong-${i}aA`);
          out.push({ status: res.status, error: { ...res.body.error, requestId: undefined } });
        }
        return out;
      };
      await request(api.http).post('/api/users').set('Authorization', admin).send({ username: 'admin3', password: 'Passw0rd!', role: 'admin' });
      const account = await answers('admin3');
      const noAccount = await answers('ghost-user');
      expect(account.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
      expect(noAccount).toEqual(account);
      // The name is locked whatever its case, as usernames are.
      expect((await attempt('GHOST-User', 'Wrong-7aA')).status).toBe(423);
      expect(await auditRows('LOGIN_FAILED', 'ghost-user')).toHaveLength(5);
      expect(await auditRows('ACCOUNT_LOCKED', 'ghost-user')).toEqual([expect.objectContaining({ userId: null, details: expect.objectContaining({ reason: 'unknownUser' }) })]);
      expect(await auditRows('LOGIN_REJECTED_LOCKED', 'ghost-user')).toHaveLength(1);
    });

    it('lets the account in again once the lock has expired', async () => {
      await api.db.source.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [ids.admin2]);
      const res = await request(api.http).post('/api/auth/login').send({ username: 'admin2', password: 'Passw0rd!' });
      expect(res.status).toBe(200);
    });

    it('records successful logins with the client address and request id', async () => {
      const res = await request(api.http).post('/api/auth/login').set('X-Request-Id', 'req-login-check-1')
        .send({ username: 'unit1', password: 'Passw0rd!' });
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toBe('req-login-check-1');
      const rows = await auditRows('LOGIN_SUCCEEDED', 'unit1');
      expect(rows.at(-1)).toMatchObject({ userId: ids.unit1, requestId: 'req-login-check-1', ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
    });
  });

  describe('the security audit log is append-only in the database itself', () => {
    it.each([
      ['UPDATE', `UPDATE security_audit_log SET event = 'LOGIN_SUCCEEDED'`],
      ['DELETE', `DELETE FROM security_audit_log`],
      ['TRUNCATE', `TRUNCATE security_audit_log`],
    ])('refuses %s', async (_op, sql) => {
      const before = await api.db.source.query(`SELECT count(*)::int AS n FROM security_audit_log`);
      await expect(api.db.source.query(sql)).rejects.toThrow(/append-only/);
      const after = await api.db.source.query(`SELECT count(*)::int AS n FROM security_audit_log`);
      expect(after[0].n).toBe(before[0].n);
      expect(before[0].n).toBeGreaterThan(0);
    });
  });

  describe('error bodies', () => {
    it('malformed JSON → 400 with the error body of API.md', async () => {
      const res = await request(api.http).post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin",');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'BAD_REQUEST', message: '请求体不是合法的 JSON', details: [], requestId: expect.any(String) } });
    });

    it('unknown fields and wrong types → 400 with one detail per problem', async () => {
      const res = await request(api.http).post('/api/orgs').set('Authorization', admin)
        .send({ name: 42, kind: 'ministry', colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      const problems = (res.body.error.details as { path: string; rule: string }[]).map((d) => `${d.path}:${d.rule}`);
      expect(problems).toEqual(expect.arrayContaining(['name:isString', 'kind:isIn', 'colour:whitelistValidation']));
    });

    it('a body that is not an object → 400', async () => {
      const res = await request(api.http).post('/api/auth/login').set('Content-Type', 'application/json').send('"admin"');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    });

    it('unknown route → 404 with the error body', async () => {
      const res = await request(api.http).get('/api/no-such-route');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: '资源不存在', details: [], requestId: expect.any(String) } });
    });

    it('a body over the size limit → 413', async () => {
      const res = await request(api.http).post('/api/auth/login').set('Content-Type', 'application/json')
        .send(JSON.stringify({ username: 'x'.repeat(13 * 1024 * 1024), password: 'y' }));
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('operations', () => {
    it('serves the OpenAPI UI and document', async () => {
      const ui = await request(api.http).get('/api/docs/');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger');
      const doc = await request(api.http).get('/api/docs/openapi.json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/orgs', '/api/users', '/health']));
    });

    it('sets the helmet security headers', async () => {
      const res = await request(api.http).get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers).not.toHaveProperty('x-powered-by');
    });
  });
});
