import fc from 'fast-check';
import {
  addMoney,
  compareMoney,
  formatYuan,
  isMoney,
  money,
  MoneyError,
  parsePrintedAmount,
  wanYuanToYuan,
  yuanFromPrinted,
  yuanToWanYuan,
} from './money';

// Rule: money is an exact decimal string in 元 with at most 2 decimals (API.md); never a float.
describe('money', () => {
  it.each([
    ['937980.00', '937980.00'],
    ['35', '35.00'],
    ['0.1', '0.10'],
    ['-12.5', '-12.50'],
  ])('normalises %s to %s', (input, expected) => {
    expect(money(input)).toBe(expected);
  });

  it.each(['1e3', '12.345', '1,000.00', ' 12', '', '12.', '.5', 'NaN', 'Infinity'])('rejects %j', (input) => {
    expect(isMoney(input)).toBe(false);
    expect(() => money(input)).toThrow(MoneyError);
  });

  it('adds without floating-point error (0.1 + 0.2 = 0.30)', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney('937980.00', '0.00', '0.00')).toBe('937980.00');
  });

  it('compares amounts', () => {
    expect(compareMoney('900000.00', '937980.00')).toBe(-1);
    expect(compareMoney('10', '10.00')).toBe(0);
  });

  it.each([
    ['937,980.00', '937980.00'],
    ['1,559,500', '1559500.00'],
    ['1，819，200.00', '1819200.00'],
    ['1029564', '1029564.00'],
  ])('reads the printed amount %s as %s 元', (printed, yuan) => {
    expect(yuanFromPrinted(printed)).toBe(yuan);
  });

  it.each(['12,34', '1,0000', 'abc', '', '--5'])('refuses %j as a printed amount', (printed) => {
    expect(parsePrintedAmount(printed)).toBeNull();
  });

  it('converts 万元 to 元 exactly (35.50 万元 = 355000.00 元, 57.92 万元 = 579200.00 元)', () => {
    expect(wanYuanToYuan('35.50')).toBe('355000.00');
    expect(wanYuanToYuan('57.92')).toBe('579200.00');
    expect(wanYuanToYuan('0.000001')).toBe('0.01');
    expect(() => wanYuanToYuan('0.0000001')).toThrow(MoneyError);
  });

  it('property: 万元 → 元 → 万元 round-trips exactly for any amount in fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        const yuan = money((Number(fen / 100n)).toString() + '.' + (fen % 100n).toString().padStart(2, '0'));
        expect(wanYuanToYuan(yuanToWanYuan(yuan))).toBe(yuan);
      }),
    );
  });

  it('property: addition is exact (sum of fen equals the fen of the sum)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 13n }), { maxLength: 20 }), (fens) => {
        const asMoney = (f: bigint) => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;
        const total = fens.reduce((a, b) => a + b, 0n);
        expect(addMoney(...fens.map(asMoney))).toBe(asMoney(total));
      }),
    );
  });
});

describe('formatYuan: amounts in messages', () => {
  it('groups by thousands with exactly 2 decimals, as the published forms print 元', () => {
    expect(formatYuan(money('1800000'))).toBe('1,800,000.00');
    expect(formatYuan(money('937980.5'))).toBe('937,980.50');
    expect(formatYuan(money('999.99'))).toBe('999.99');
    expect(formatYuan(money('0'))).toBe('0.00');
    expect(formatYuan(money('12345678901234.56'))).toBe('12,345,678,901,234.56');
  });
});
