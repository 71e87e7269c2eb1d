import { shanghaiDate, toShanghaiIso } from './shanghai';

// Business time is Asia/Shanghai (UTC+8, no DST), whatever the server's TZ.
describe('Asia/Shanghai rendering', () => {
  it('writes instants with +08:00', () => {
    expect(toShanghaiIso(new Date('2024-03-15T10:00:00Z'))).toBe('2024-03-15T18:00:00+08:00');
    expect(toShanghaiIso(new Date('2024-12-31T16:00:00.250Z'))).toBe('2025-01-01T00:00:00.250+08:00');
  });

  it('round-trips through Date.parse', () => {
    const at = new Date('2025-04-30T10:00:00Z');
    expect(Date.parse(toShanghaiIso(at))).toBe(at.getTime());
  });

  it('gives the Shanghai calendar date, which differs from UTC in the evening', () => {
    expect(shanghaiDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(shanghaiDate(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
});
