import { checkCampaign, defaultSelfEvaluationOpensAt, CampaignSettings } from './campaign';

// A campaign's deadlines (DESIGN §3): declaration, then self-evaluation opening, then its deadline.
describe('checkCampaign', () => {
  const valid: CampaignSettings = {
    year: 2024,
    declarationDeadline: '2024-03-15T18:00:00+08:00',
    reviewWorkingDays: 5,
    resubmitWorkingDays: 5,
    selfEvaluationOpensAt: '2025-01-01T00:00:00+08:00',
    selfEvaluationDeadline: '2025-04-30T18:00:00+08:00',
    reminderOffsets: ['P7D', 'P3D', 'P1D'],
  };

  it('accepts the example of API.md', () => {
    expect(checkCampaign(valid)).toEqual([]);
  });

  it('opens self-evaluation on 1 January of the next year, Asia/Shanghai, by default', () => {
    expect(defaultSelfEvaluationOpensAt(2024)).toBe('2025-01-01T00:00:00+08:00');
    expect(new Date(defaultSelfEvaluationOpensAt(2024)).toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it.each([
    [{ declarationDeadline: '2024-03-15 18:00' }, 'declarationDeadline', 'campaign.instant'],
    [{ declarationDeadline: '2024-03-15T18:00:00' }, 'declarationDeadline', 'campaign.instant'],
    [{ selfEvaluationOpensAt: '2024-03-01T00:00:00+08:00' }, 'selfEvaluationOpensAt', 'campaign.order'],
    [{ selfEvaluationDeadline: '2024-12-31T00:00:00+08:00' }, 'selfEvaluationDeadline', 'campaign.order'],
    [{ reviewWorkingDays: 0 }, 'reviewWorkingDays', 'campaign.workingDays'],
    [{ resubmitWorkingDays: 2.5 }, 'resubmitWorkingDays', 'campaign.workingDays'],
    [{ year: 1999 }, 'year', 'campaign.year'],
    [{ reminderOffsets: ['P7D', 'P1M'] }, 'reminderOffsets[1]', 'campaign.offset'],
    [{ reminderOffsets: ['P1D', 'PT24H'] }, 'reminderOffsets[1]', 'campaign.offsetDuplicate'],
  ])('refuses %j at %s (%s)', (change, path, rule) => {
    expect(checkCampaign({ ...valid, ...change })).toEqual([{ path, rule, message: expect.any(String) }]);
  });
});
