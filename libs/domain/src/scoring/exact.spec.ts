import Decimal from 'decimal.js';
import fc from 'fast-check';
import { amountOf } from './allocate';
import { D, fixed2, fixed4 as decimalFixed4, ONE, round2, ZERO } from './decimal';
import { add, compareExact, divide, exactOf, formatScaled, multiply, parseExact, scaledHalfUp, subtract, type Exact } from './exact';
import { fixed4, pointsOf } from './indicator';
import { linearReverseRatio } from './rules';

// exact.ts replaces decimal.js (D: precision 40, half up) on the scoring hot path. These properties hold
// every replaced computation to the plain D computation it replaces, digit for digit.

/** Non-negative decimal text: up to 30 integer and 30 fractional digits, no float in between. */
const text = fc
  .record({ int: fc.stringMatching(/^[0-9]{1,30}$/), frac: fc.stringMatching(/^[0-9]{0,30}$/) })
  .map(({ int, frac }) => (frac === '' ? int : `${int}.${frac}`));
/** Like the texts scoring meets: short, often with 2 decimals. */
const short = fc
  .record({ int: fc.stringMatching(/^[0-9]{1,7}$/), frac: fc.stringMatching(/^[0-9]{0,4}$/) })
  .map(({ int, frac }) => (frac === '' ? int : `${int}.${frac}`));
const anyText = fc.oneof(text, short);
const positive = anyText.filter((t) => !new D(t).isZero());
/** A weight: at most 2 decimals, at most 100. */
const weight = fc.integer({ min: 0, max: 10_000 }).map((c) => new D(c).dividedBy(100));

const ex = (t: string): Exact => exactOf(new D(t))!;
/** Same value and, since D results are rounded to 40 digits, the same digits. */
const same = (x: Exact, d: Decimal) => expect(new D(`${x.m}e${x.e}`).eq(d)).toBe(true);

describe('exact.ts against decimal.js (D)', () => {
  it('reads and parses values exactly', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        same(ex(t), new D(t));
        same(parseExact(t), new D(t));
      }),
    );
    expect(exactOf(new D('-1'))).toBeNull();
    expect(exactOf(new D('-0'))).toBeNull();
  });

  it('divides, multiplies, adds and subtracts as D does', () => {
    fc.assert(
      fc.property(anyText, positive, (a, b) => {
        const [x, y] = [new D(a), new D(b)];
        same(divide(ex(a), ex(b)), x.dividedBy(y));
        same(multiply(ex(a), ex(b)), x.times(y));
        same(add(ex(a), ex(b)), x.plus(y));
        const [hi, lo] = x.gte(y) ? [a, b] : [b, a];
        same(subtract(ex(hi), ex(lo)), new D(hi).minus(lo));
        expect(compareExact(ex(a), ex(b))).toBe(x.comparedTo(y));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds half up to dp decimals as toDecimalPlaces and fixed2 / fixed4 do', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const d = new D(t);
        expect(scaledHalfUp(ex(t), 2)).toBe(BigInt(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toFixed(0)));
        expect(formatScaled(scaledHalfUp(ex(t), 2), 2)).toBe(fixed2(d));
        expect(fixed4(ex(t))).toBe(decimalFixed4(d));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the ratio, its text and the points of the decimal.js formulas', () => {
    const clamp01 = (d: Decimal) => (d.isNeg() ? ZERO : d.gt(ONE) ? ONE : d);
    fc.assert(
      fc.property(anyText, positive, weight, (a, t, w) => {
        const amount = amountOf(w);
        // positive / equal: clamp01(actual / target); reverse: clamp01(target / actual)
        for (const [num, den] of [
          [a, t],
          [t, a],
        ] as const) {
          if (new D(den).isZero()) continue;
          const plain = clamp01(new D(num).dividedBy(den));
          const fast = divide(ex(num), ex(den));
          const ratio = compareExact(fast, exactOf(ONE)!) > 0 ? exactOf(ONE)! : fast;
          expect(fixed4(ratio)).toBe(decimalFixed4(plain));
          expect(formatScaled(pointsOf(ratio, amount), 2)).toBe(fixed2(round2(plain.times(w))));
        }
        // linear reverse, for actual ≥ target > 0
        const [hi, lo] = new D(a).gte(t) ? [a, t] : [t, a];
        if (!new D(lo).isZero()) {
          const plain = clamp01(ONE.minus(new D(hi).minus(lo).dividedBy(lo)));
          const ratio = linearReverseRatio(ex(hi), ex(lo));
          expect(fixed4(ratio)).toBe(decimalFixed4(plain));
          expect(formatScaled(pointsOf(ratio, amount), 2)).toBe(fixed2(round2(plain.times(w))));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds repeating quotients as the D steps do', () => {
    // Repeating quotients: D rounds the quotient to 40 digits, then the product, then to the 分.
    for (const [n, d, w] of [
      ['1', '3', '0.03'],
      ['2', '3', '0.75'],
      ['1', '7', '0.07'],
    ]) {
      const plain = new D(n).dividedBy(d);
      expect(formatScaled(pointsOf(divide(ex(n), ex(d)), amountOf(new D(w))), 2)).toBe(fixed2(round2(plain.times(w))));
    }
  });
});
