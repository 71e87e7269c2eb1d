import fc from 'fast-check';
import { allocate } from './allocate';
import { D, ZERO } from './decimal';

const strings = (xs: { toFixed(dp: number): string }[]) => xs.map((x) => x.toFixed(2));

// DESIGN §4 "weights must sum to the category weight": 2-decimal weights, largest remainder.
describe('allocate: largest-remainder weights that sum exactly', () => {
  it('three indicators in a 50-point category → 16.67 + 16.67 + 16.66 (50 / 3 = 16.666…; 2 分 left go to the first keys)', () => {
    const shares = [new D(1), new D(1), new D(1)];
    expect(strings(allocate(new D(50), shares, ['a', 'b', 'c']))).toEqual(['16.67', '16.67', '16.66']);
  });

  it('ties go to the smaller key, not the earlier position (order independence)', () => {
    const shares = [new D(1), new D(1), new D(1)];
    expect(strings(allocate(new D(50), shares, ['c', 'a', 'b']))).toEqual(['16.66', '16.67', '16.67']);
  });

  it('proportional shares: 30 over 15 : 10 : 5 (a 无 of 5 dropped from 15+10+5+5) → 15.00, 10.00, 5.00 scaled by 30/30', () => {
    expect(strings(allocate(new D(30), [new D(15), new D(10), new D(5)], ['a', 'b', 'c']))).toEqual(['15.00', '10.00', '5.00']);
  });

  it('proportional with remainders: 10 over 1 : 1 : 1 : 4 → 1.43 + 1.43 + 1.43 + 5.71', () => {
    // exact 1.428571… (142.857 分) ×3 and 5.714285… (571.43 分): floors 142×3 + 571 = 997 分; the 3 分 left
    // go to the largest remainders (.857 > .43), the three 1.42 → 1.43.
    expect(strings(allocate(new D(10), [new D(1), new D(1), new D(1), new D(4)], ['a', 'b', 'c', 'd']))).toEqual(['1.43', '1.43', '1.43', '5.71']);
  });

  it('all-zero shares split equally; no shares, nothing', () => {
    expect(strings(allocate(new D(10), [ZERO, ZERO, ZERO], ['a', 'b', 'c']))).toEqual(['3.34', '3.33', '3.33']);
    expect(allocate(new D(10), [], [])).toEqual([]);
  });

  it('property: any shares → each ≥ 0, at most 2 decimals, summing exactly to the total; the same multiset under permutation', () => {
    const total = fc.integer({ min: 0, max: 10_000 }).map((c) => new D(c).dividedBy(100));
    const shares = fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(total, shares, (t, raw) => {
        const keys = raw.map((_s, i) => `k${String(i).padStart(2, '0')}`);
        const out = allocate(t, raw.map((s) => new D(s)), keys);
        expect(out.reduce((a, b) => a.plus(b), ZERO).eq(t)).toBe(true);
        for (const w of out) {
          expect(w.isNeg()).toBe(false);
          expect(w.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        // Reversing the order gives each key the same amount.
        const reversed = allocate(t, [...raw].reverse().map((s) => new D(s)), [...keys].reverse());
        expect(strings([...reversed].reverse())).toEqual(strings(out));
      }),
      { numRuns: 500 },
    );
  });
});
