import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { drive } from './support/forms';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

// Object-level authorisation (OWASP API1): every route with an id × every kind of caller × own,
// sibling, other-department and missing resources. Out of scope is 404 with the same body as a
// missing id; a visible resource and the wrong role is 403.
type Who = 'ownUnit' | 'siblingUnit' | 'otherDeptUnit' | 'ownReviewer' | 'otherReviewer' | 'admin';
const WHO: Who[] = ['ownUnit', 'siblingUnit', 'otherDeptUnit', 'ownReviewer', 'otherReviewer', 'admin'];

interface Route {
  method: 'get' | 'put' | 'post';
  /** OpenAPI path, e.g. /api/forms/{id}/history */
  path: string;
  resource: 'form' | 'campaign' | 'notification' | 'selfEvaluation';
  expect: Record<Who, number>;
  body?: (version: number, campaignId: string) => Record<string, unknown>;
  /** A 200 here changes the form: use a fresh draft for each such cell. */
  mutates?: boolean;
}

const READ = { ownUnit: 200, siblingUnit: 404, otherDeptUnit: 404, ownReviewer: 200, otherReviewer: 404, admin: 200 };
// Department-level resources: a unit user can see the campaign but not act (403); other departments 404.
const DEPARTMENT_ONLY = { ownUnit: 403, siblingUnit: 403, otherDeptUnit: 404, ownReviewer: 200, otherReviewer: 404, admin: 200 };
const UNIT_WRITE = { ownUnit: 200, siblingUnit: 404, otherDeptUnit: 404, ownReviewer: 403, otherReviewer: 404, admin: 403 };

const ROUTES: Route[] = [
  { method: 'get', path: '/api/forms/{id}', resource: 'form', expect: READ },
  { method: 'get', path: '/api/forms/{id}/history', resource: 'form', expect: READ },
  { method: 'get', path: '/api/forms/{id}/revisions', resource: 'form', expect: READ },
  { method: 'get', path: '/api/forms/{id}/export.xlsx', resource: 'form', expect: READ },
  {
    method: 'put', path: '/api/forms/{id}', resource: 'form', expect: UNIT_WRITE, mutates: true,
    body: (version) => {
      const { campaignId: _c, ...content } = hotlineFormBody('');
      return { ...content, version };
    },
  },
  {
    method: 'post', path: '/api/forms/{id}/events', resource: 'form', expect: UNIT_WRITE, mutates: true,
    body: (version) => ({ type: 'SUBMIT', version }),
  },
  {
    method: 'post', path: '/api/forms/{id}/urge', resource: 'form', mutates: true, body: () => ({}),
    expect: { ownUnit: 403, siblingUnit: 404, otherDeptUnit: 404, ownReviewer: 200, otherReviewer: 404, admin: 200 },
  },
  // A form in 年终自评 with a saved self-evaluation.
  { method: 'get', path: '/api/forms/{id}/score', resource: 'selfEvaluation', expect: READ },
  { method: 'get', path: '/api/forms/{id}/self-evaluation/export.xlsx', resource: 'selfEvaluation', expect: READ },
  { method: 'get', path: '/api/reports/campaigns/{id}', resource: 'campaign', expect: DEPARTMENT_ONLY },
  { method: 'get', path: '/api/reports/campaigns/{id}/report.xlsx', resource: 'campaign', expect: DEPARTMENT_ONLY },
  { method: 'post', path: '/api/reports/campaigns/{id}/run', resource: 'campaign', expect: { ...DEPARTMENT_ONLY, ownReviewer: 202, admin: 202 } },
  {
    method: 'put', path: '/api/forms/{id}/self-evaluation', resource: 'selfEvaluation', expect: UNIT_WRITE,
    body: (version) => ({ version, budgetExecuted: '100.00', indicators: [] }),
  },
  {
    method: 'post', path: '/api/campaigns/{id}/open-self-evaluation', resource: 'campaign',
    expect: { ownUnit: 403, siblingUnit: 403, otherDeptUnit: 404, ownReviewer: 403, otherReviewer: 404, admin: 200 },
  },
  {
    // A notification belongs to one user: everyone else gets 404, whatever their role.
    method: 'post', path: '/api/notifications/{id}/read', resource: 'notification',
    expect: { ownUnit: 200, siblingUnit: 404, otherDeptUnit: 404, ownReviewer: 404, otherReviewer: 404, admin: 404 },
  },
  {
    method: 'get', path: '/api/campaigns/{id}', resource: 'campaign',
    expect: { ownUnit: 200, siblingUnit: 200, otherDeptUnit: 404, ownReviewer: 200, otherReviewer: 404, admin: 200 },
  },
];

const MISSING = '00000000-0000-4000-8000-000000000000';

// Routes without an id that the web page uses (0.5.0): who may call them at all. The organisations
// and forms they return are scoped (test/web-support-api.e2e-spec.ts checks the contents); the
// pre-check names a campaign, which is 404 outside the caller's department like a missing one.
interface CollectionRoute {
  method: 'get' | 'post';
  path: string;
  expect: Record<Who, number>;
  body?: (campaignId: string) => Record<string, unknown>;
}
const EVERYONE = { ownUnit: 200, siblingUnit: 200, otherDeptUnit: 200, ownReviewer: 200, otherReviewer: 200, admin: 200 };
const COLLECTION_ROUTES: CollectionRoute[] = [
  { method: 'get', path: '/api/orgs', expect: EVERYONE },
  { method: 'get', path: '/api/users', expect: { ownUnit: 403, siblingUnit: 403, otherDeptUnit: 403, ownReviewer: 403, otherReviewer: 403, admin: 200 } },
  { method: 'get', path: '/api/catalogue', expect: EVERYONE },
  { method: 'get', path: '/api/lifecycle', expect: EVERYONE },
  { method: 'get', path: '/api/forms?sort=due&state=draft,declared', expect: EVERYONE },
  {
    method: 'post', path: '/api/forms/precheck', body: (campaignId) => ({ campaignId, projectName: '热线' }),
    expect: { ownUnit: 200, siblingUnit: 200, otherDeptUnit: 404, ownReviewer: 200, otherReviewer: 404, admin: 200 },
  },
];

describe('authorization matrix (e2e)', () => {
  let api: TestApi;
  let w: World;
  let campaignA: string;
  let sharedForm: string;
  let notification: string;
  let selfEvaluationForm: string;
  let tokens: Record<Who, string>;

  const newDraft = async () =>
    (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaignA))).body.id as string;
  const call = (route: Route, token: string, id: string, version = 1) => {
    const url = route.path.replace('{id}', id);
    const req = request(api.http)[route.method](url).set('Authorization', token);
    return route.body ? req.send(route.body(version, campaignA)) : req;
  };

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    campaignA = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
    sharedForm = await newDraft();
    // A form taken to 年终自评 with a self-evaluation, for the year-end routes.
    selfEvaluationForm = await newDraft();
    await drive(api, selfEvaluationForm, [
      [w.tokens.unitA1, 'SUBMIT'], [w.tokens.reviewerA, 'START_REVIEW'], [w.tokens.reviewerA, 'APPROVE', { approvedAmount: '100.00' }],
    ]);
    await request(api.http).post(`/api/campaigns/${campaignA}/open-self-evaluation`).set('Authorization', w.admin);
    const opened = (await request(api.http).get(`/api/forms/${selfEvaluationForm}`).set('Authorization', w.admin)).body;
    await request(api.http).put(`/api/forms/${selfEvaluationForm}/self-evaluation`).set('Authorization', w.tokens.unitA1)
      .send({ version: opened.version, budgetExecuted: '100.00', indicators: [] });
    // 催办 gives the unit user a notification of its own.
    await request(api.http).post(`/api/forms/${await newDraft()}/urge`).set('Authorization', w.tokens.reviewerA).send({});
    notification = (await request(api.http).get('/api/notifications').set('Authorization', w.tokens.unitA1)).body.items[0].id;
    tokens = {
      ownUnit: w.tokens.unitA1, siblingUnit: w.tokens.unitA2, otherDeptUnit: w.tokens.unitB1,
      ownReviewer: w.tokens.reviewerA, otherReviewer: w.tokens.reviewerB, admin: w.admin,
    };
  });
  afterAll(() => api.close());

  it('covers every route of the OpenAPI document that takes an id', async () => {
    const doc = (await request(api.http).get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const withId = Object.entries(doc.paths).flatMap(([path, ops]) =>
      path.includes('{id}') ? Object.keys(ops).map((method) => `${method} ${path}`) : [],
    );
    expect(withId.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  const cells = ROUTES.flatMap((route) => WHO.map((who) => [`${route.method.toUpperCase()} ${route.path}`, who, route] as const));

  it.each(cells)('%s as %s', async (_name, who, route) => {
    const id =
      route.resource === 'campaign' ? campaignA
      : route.resource === 'notification' ? notification
      : route.resource === 'selfEvaluation' ? selfEvaluationForm
      : route.mutates && route.expect[who] === 200 ? await newDraft()
      : sharedForm;
    // Writes are based on the current version, as a client would send them.
    const version = (await request(api.http).get(`/api/forms/${id}`).set('Authorization', w.admin)).body.version ?? 1;
    const res = await call(route, tokens[who], id, version);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({
      status: route.expect[who],
      code: { 200: undefined, 202: undefined, 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[route.expect[who]],
    });
    if (res.status === 404) {
      const missing = await call(route, tokens[who], MISSING);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(res.body.error.message);
    }
  });

  const collectionCells = COLLECTION_ROUTES.flatMap((route) => WHO.map((who) => [`${route.method.toUpperCase()} ${route.path}`, who, route] as const));

  it.each(collectionCells)('%s as %s', async (_name, who, route) => {
    const req = request(api.http)[route.method](route.path).set('Authorization', tokens[who]);
    const res = await (route.body ? req.send(route.body(campaignA)) : req);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({
      status: route.expect[who],
      code: { 200: undefined, 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[route.expect[who]],
    });
  });

  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s with a missing id is 404 for everyone', async (_name, route) => {
    for (const who of WHO) {
      const res = await call(route, tokens[who], MISSING);
      expect([who, res.status]).toEqual([who, 404]);
    }
  });
});
