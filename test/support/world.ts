import request from 'supertest';
import { DEV_ADMIN_PASSWORD } from '@app/config';
import type { TestApi } from './test-api';

export const PASSWORD = 'Passw0rd!';

/** Two departments, three units and a user per organisation, created through the admin routes. */
export interface World {
  admin: string;
  depts: { A: string; B: string };
  units: { A1: string; A2: string; B1: string };
  /** Bearer headers. */
  tokens: { admin: string; reviewerA: string; reviewerB: string; unitA1: string; unitA2: string; unitB1: string };
  userIds: Record<'reviewerA' | 'reviewerB' | 'unitA1' | 'unitA2' | 'unitB1', string>;
}

export async function createWorld(api: TestApi): Promise<World> {
  const admin = await api.login('admin', DEV_ADMIN_PASSWORD);
  const org = async (name: string, kind: 'department' | 'unit', parentId?: string) => {
    const res = await request(api.http).post('/api/orgs').set('Authorization', admin).send({ name, kind, parentId });
    if (res.status !== 201) throw new Error(`org ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const A = await org('上海市绿化和市容管理局', 'department');
  const B = await org('上海市青浦区城市运行管理委员会', 'department');
  const units = {
    A1: await org('上海市绿化和市容管理局行政服务中心', 'unit', A),
    A2: await org('上海市绿化和市容宣传教育中心', 'unit', A),
    B1: await org('上海市青浦区城市运行管理中心', 'unit', B),
  };
  const user = async (username: string, role: 'reviewer' | 'unit', orgId: string) => {
    const res = await request(api.http).post('/api/users').set('Authorization', admin).send({ username, password: PASSWORD, role, orgId });
    if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const userIds = {
    reviewerA: await user('reviewer-a', 'reviewer', A),
    reviewerB: await user('reviewer-b', 'reviewer', B),
    unitA1: await user('unit-a1', 'unit', units.A1),
    unitA2: await user('unit-a2', 'unit', units.A2),
    unitB1: await user('unit-b1', 'unit', units.B1),
  };
  const tokens = {
    admin,
    reviewerA: await api.login('reviewer-a', PASSWORD),
    reviewerB: await api.login('reviewer-b', PASSWORD),
    unitA1: await api.login('unit-a1', PASSWORD),
    unitA2: await api.login('unit-a2', PASSWORD),
    unitB1: await api.login('unit-b1', PASSWORD),
  };
  return { admin, depts: { A, B }, units, tokens, userIds };
}

/** The campaign body of API.md for a department, with deadlines that can be overridden. */
export function campaignBody(departmentId: string, overrides: Record<string, unknown> = {}) {
  return {
    year: 2024,
    departmentId,
    declarationDeadline: '2099-03-15T18:00:00+08:00',
    reviewWorkingDays: 5,
    resubmitWorkingDays: 5,
    selfEvaluationOpensAt: '2100-01-01T00:00:00+08:00',
    selfEvaluationDeadline: '2100-04-30T18:00:00+08:00',
    reminderOffsets: ['P7D', 'P3D', 'P1D'],
    ...overrides,
  };
}
