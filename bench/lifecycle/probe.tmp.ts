import { startApi } from '../support/api-process';
import { HttpClient } from '../support/http-client';
import { hotlineFormBody } from '../../test/fixtures/form-bodies';
async function main() {
  const api = await startApi({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/jixiao_probe', QUEUE_PREFIX: 'probe', LOG_LEVEL: 'info' });
  const c = new HttpClient(api.url, 4);
  const login = async (u: string, p: string) => 'Bearer ' + (await c.request<{ accessToken: string }>('POST', '/api/auth/login', { username: u, password: p })).body.accessToken;
  const admin = await login('admin', 'Jixiao@2026');
  const dept = (await c.request<{ id: string }>('POST', '/api/orgs', { name: 'D', kind: 'department' }, admin)).body.id;
  const unit = (await c.request<{ id: string }>('POST', '/api/orgs', { name: 'U', kind: 'unit', parentId: dept }, admin)).body.id;
  await c.request('POST', '/api/users', { username: 'probe-unit', password: 'Passw0rd!', role: 'unit', orgId: unit }, admin);
  await c.request('POST', '/api/users', { username: 'probe-reviewer', password: 'Passw0rd!', role: 'reviewer', orgId: dept }, admin);
  const u = await login('probe-unit', 'Passw0rd!'); const r = await login('probe-reviewer', 'Passw0rd!');
  const camp = (await c.request<{ id: string }>('POST', '/api/campaigns', { year: 2024, departmentId: dept, declarationDeadline: '2099-03-15T18:00:00+08:00', reviewWorkingDays: 5, resubmitWorkingDays: 5, selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00', selfEvaluationDeadline: '2100-04-30T18:00:00+08:00' }, admin)).body.id;
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    const f = (await c.request<{ id: string; version: number }>('POST', '/api/forms', hotlineFormBody(camp), u)).body;
    const out = [`create ${(performance.now() - t).toFixed(1)}`];
    let v = f.version;
    for (const [tok, type, extra] of [[u, 'SUBMIT'], [r, 'START_REVIEW'], [r, 'RETURN', { comment: 'x' }], [u, 'SUBMIT'], [r, 'START_REVIEW'], [r, 'APPROVE', { approvedAmount: '100.00' }]] as [string, string, object?][]) {
      t = performance.now();
      const res = await c.request<{ version: number }>('POST', `/api/forms/${f.id}/events`, { type, version: v, ...extra }, tok);
      v = res.body.version; out.push(`${type} ${res.status} ${(performance.now() - t).toFixed(1)}`);
    }
    t = performance.now(); await c.request('GET', `/api/forms/${f.id}`, undefined, u); out.push(`get ${(performance.now() - t).toFixed(1)}`);
    console.log(out.join(' | '));
  }
  c.close(); await api.stop();
}
void main();
