import { durationMs } from './duration';

// Reminder offsets are ISO-8601 durations before a deadline (DESIGN §3).
describe('durationMs', () => {
  it.each([
    ['P7D', 7 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT12H', 36 * 3_600_000],
    ['PT5S', 5_000],
    ['PT2S', 2_000],
    ['PT90M', 90 * 60_000],
  ])('%s is %i ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each(['P', 'PT', 'P1M', 'P1Y', 'P0D', '7D', 'p7d', 'P7DT', '', 'P-1D', 'P400D'])('refuses %j', (text) => {
    expect(durationMs(text)).toBeNull();
  });
});
