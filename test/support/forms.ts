import request from 'supertest';
import type { TestApi } from './test-api';

/** POST /api/forms/:id/events and return the response (assertions stay in the test). */
export function sendEvent(api: TestApi, token: string, formId: string, body: Record<string, unknown>, idempotencyKey?: string) {
  const req = request(api.http).post(`/api/forms/${formId}/events`).set('Authorization', token);
  if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body);
}

/** Sends the events in order, each based on the version the previous one returned; throws on a non-200. */
export async function drive(api: TestApi, formId: string, steps: [token: string, type: string, extra?: Record<string, unknown>][]) {
  let form = (await request(api.http).get(`/api/forms/${formId}`).set('Authorization', steps[0][0])).body;
  for (const [token, type, extra] of steps) {
    const res = await sendEvent(api, token, formId, { type, version: form.version, ...extra });
    if (res.status !== 200) throw new Error(`${type} → ${res.status} ${JSON.stringify(res.body)}`);
    form = res.body;
  }
  return form;
}
