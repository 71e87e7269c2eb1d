import request from 'supertest';
import { hotlineFormBody } from '../fixtures/form-bodies';
import { drive } from './forms';
import type { TestApi } from './test-api';
import type { World } from './world';

/** Actuals for the hotline fixture that complete a self-evaluation (reasons where a target is missed). */
const ACTUALS: Record<string, { actual: string; reason?: string; tier?: string; points?: string }> = {
  前端诉件受理成本: { actual: '77.00万元' },
  差别化先行联系成本: { actual: '57.00万元' },
  '甄别分类、对口移送成本': { actual: '46.50万元' },
  前端诉件受理量: { actual: '32000件' },
  差别化先行联系数量: { actual: '14000件', reason: '部分诉件经甄别后无需先行联系' },
  差异化先行联系合格率: { actual: '95%' },
  热线受理值班时长: { actual: '24小时' },
  有责投诉率: { actual: '1.5%' },
  长效管理机制健全性: { actual: '已健全', tier: 'achieved', points: '15.00' },
  市民满意度评分: { actual: '90%' },
};

/**
 * A form of unit A1 taken through approval, the year-end opening (by an admin) and a complete,
 * submitted self-evaluation. Returns its id.
 */
export async function submittedSelfEvaluation(api: TestApi, w: World, campaignId: string, budgetExecuted = '1700000.00'): Promise<string> {
  const created = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaignId))).body;
  await drive(api, created.id, [
    [w.tokens.unitA1, 'SUBMIT'],
    [w.tokens.reviewerA, 'START_REVIEW'],
    [w.tokens.reviewerA, 'APPROVE', { approvedAmount: '1800000.00' }],
  ]);
  await request(api.http).post(`/api/campaigns/${campaignId}/open-self-evaluation`).set('Authorization', w.admin);
  const form = (await request(api.http).get(`/api/forms/${created.id}`).set('Authorization', w.tokens.unitA1)).body;
  const saved = await request(api.http).put(`/api/forms/${created.id}/self-evaluation`).set('Authorization', w.tokens.unitA1).send({
    version: form.version,
    budgetExecuted,
    executionReason: '部分合同款项次年支付',
    goalAchievement: '全年完成热线前端受理与先行联系工作。',
    indicators: form.indicators.map((i: { id: string; name: string }) => ({ indicatorId: i.id, ...ACTUALS[i.name] })),
  });
  if (saved.status !== 200) throw new Error(`self-evaluation → ${saved.status} ${JSON.stringify(saved.body)}`);
  await drive(api, created.id, [[w.tokens.unitA1, 'SUBMIT_SELF_EVALUATION']]);
  return created.id;
}

/** A 2024 campaign of department A, declaration open on 1 March 2024 (the test API's clock). */
export async function yearEndCampaign(api: TestApi, w: World): Promise<string> {
  const res = await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send({
    year: 2024, departmentId: w.depts.A, declarationDeadline: '2024-03-15T18:00:00+08:00', reviewWorkingDays: 5,
    resubmitWorkingDays: 5, selfEvaluationOpensAt: '2025-01-01T00:00:00+08:00', selfEvaluationDeadline: '2099-04-30T18:00:00+08:00',
    reminderOffsets: ['P7D'],
  });
  return res.body.id as string;
}
