import Decimal from 'decimal.js';
import fc from 'fast-check';
import { compare, D, fixed2, fixed4, ONE, ZERO } from './decimal';

// The scoring hot path formats and compares from decimal.js's documented instance fields (d, e, s)
// instead of its copying toFixed / comparedTo. These properties hold the shortcuts to decimal.js itself.

/** Decimal text with up to 30 integer and 30 fractional digits, either sign: no float in between. */
const decimalText = fc
  .record({
    negative: fc.boolean(),
    int: fc.stringMatching(/^[0-9]{1,30}$/),
    frac: fc.stringMatching(/^[0-9]{0,30}$/),
  })
  .map(({ negative, int, frac }) => `${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);

/** What scoring means by fixed(dp): half up, and a rounded-away sign is dropped. */
function reference(d: Decimal, dp: number): string {
  const s = d.toFixed(dp, Decimal.ROUND_HALF_UP);
  return /^-0\.0+$/.test(s) ? s.slice(1) : s;
}

describe('fixed2 / fixed4 (half up, DESIGN §4 rounding)', () => {
  it('agree with decimal.js toFixed(ROUND_HALF_UP) on any decimal', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const d = new D(text);
        expect(fixed2(d)).toBe(reference(d, 2));
        expect(fixed4(d)).toBe(reference(d, 4));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['0.005', '0.01', '0.0050'],
    ['0.004999', '0.00', '0.0050'],
    ['8.6185', '8.62', '8.6185'],
    ['99.995', '100.00', '99.9950'],
    ['9.99995', '10.00', '10.0000'],
    ['0.00005', '0.00', '0.0001'],
    ['-0.004', '0.00', '-0.0040'],
    ['-2.345', '-2.35', '-2.3450'],
    ['1234567.891', '1234567.89', '1234567.8910'],
    ['1e-30', '0.00', '0.0000'],
    ['123e20', '12300000000000000000000.00', '12300000000000000000000.0000'],
  ])('%s → %s and %s', (text, two, four) => {
    expect(fixed2(new D(text))).toBe(two);
    expect(fixed4(new D(text))).toBe(four);
  });

  it('formats the shared constants without arithmetic', () => {
    expect(fixed2(ZERO)).toBe('0.00');
    expect(fixed4(ONE)).toBe('1.0000');
    expect(fixed4(ZERO)).toBe('0.0000');
  });
});

describe('compare', () => {
  it('orders any two decimals as decimal.js comparedTo does', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, y] = [new D(a), new D(b)];
        expect(compare(x, y)).toBe(x.comparedTo(y));
        expect(compare(x, x)).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('orders values that share their leading digits', () => {
    expect(compare(new D('0.3'), new D('0.30000001'))).toBe(-1);
    expect(compare(new D('-0.3'), new D('-0.30000001'))).toBe(1);
    expect(compare(new D('100'), new D('99.99999999'))).toBe(1);
    expect(compare(new D('0'), new D('-0'))).toBe(0);
  });
});
