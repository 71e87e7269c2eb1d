import fc from 'fast-check';
import { SEED_TARGETS } from '../../../../test/fixtures/seed-targets';
import { directionOf, formatTarget, parseTarget } from '.';
import type { Comparator, CompoundTarget, ParsedTarget, QuantitativeTarget, TargetParseResult } from './types';

const KINDS = ['quantitative', 'qualitative', 'compound', 'none', 'error'];

/** What every result satisfies, whatever the input: the shape API responses and scoring rely on. */
function expectWellFormed(result: TargetParseResult): void {
  expect(KINDS).toContain(result.kind);
  const quantities = result.kind === 'quantitative' ? [result] : result.kind === 'compound' ? result.parts : [];
  for (const q of quantities) {
    expect(q.value).toMatch(/^-?\d+(\.\d+)?$/); // decimal.js-ready, no thousands separators
    expect(q.unit).not.toMatch(/\s|^(％|百分比)$/);
    expect(q.direction).toBe(directionOf(q.comparator));
  }
  if (result.kind === 'compound') for (const p of result.parts) expect(p.label).not.toBe('');
  if (result.kind === 'error') {
    expect(result.code).toMatch(/^target\.[a-zA-Z]+$/);
    expect(result.code).not.toBe('target.internal'); // the catch-all in parseTarget must stay unreachable
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  }
}

// Pieces of real and broken targets, so that random strings reach deep into the grammar.
const TOKENS = [
  '≥', '≤', '>', '<', '=', '>=', '<=', '==', '＞', '＝', '≧', '≠', ' ', '　', '\n', '，', ',', '；', ';', '、', '。',
  '(', ')', '（', '）', '%', '％', '百分比', '0', '1', '5', '9', '.', '31,000', '-', '+', '万元', '件', '次', '小时',
  '分钟', '人', '个', '万人次', '以上', '以下', '以内', '超过', '不满', '达到', '不低于', '不超过', '大于', '一级故障',
  '满意度', '提升', '及时', '无', '天', '内', '完成', 'a', '分贝', '/', '—',
];
const targetLike = fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join(''));
const anyUtf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('parseTarget is total (issue: any string → a target or a structured error, never a throw)', () => {
  it.each([
    ['printable ASCII', fc.string({ maxLength: 80 })],
    ['any code point (binary)', fc.string({ unit: 'binary', maxLength: 80 })],
    ['control characters (binary-ascii)', fc.string({ unit: 'binary-ascii', maxLength: 80 })],
    ['graphemes', fc.string({ unit: 'grapheme', maxLength: 40 })],
    ['any UTF-16 unit, lone surrogates included', fc.string({ unit: anyUtf16Unit, maxLength: 80 })],
    ['target-like token soup', targetLike],
    ['around the 500-character limit', fc.string({ unit: fc.constantFrom('≥', '1', '%', '提', '，', ' '), minLength: 490, maxLength: 510 })],
  ])('%s', (_name, strings) => {
    fc.assert(fc.property(strings, (s) => expectWellFormed(parseTarget(s))), { numRuns: 500 });
  });

  it('100 kB strings are refused at once (target.tooLong)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }), (s) => {
        const started = performance.now();
        expect(parseTarget(s)).toMatchObject({ kind: 'error', code: 'target.tooLong' });
        expect(performance.now() - started).toBeLessThan(50);
      }),
      { numRuns: 5 },
    );
  });

  // The limit is not the only defence: every scan is linear, so the worst inputs under it are fast too.
  it('adversarial inputs just under the limit parse in linear time', () => {
    const worst = [
      '1'.repeat(499) + 'x',
      '1,'.repeat(249) + 'x',
      '≥' + '1.'.repeat(249),
      '('.repeat(500),
      '1('.repeat(250),
      'a≤1，'.repeat(100),
      '超过1'.repeat(166),
      '一'.repeat(499) + '≥',
      ' '.repeat(499) + '≥',
      '1 '.repeat(250),
      '达到'.repeat(249) + '1',
    ];
    const started = performance.now();
    for (const s of worst) expectWellFormed(parseTarget(s));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

// Generators for targets the parser can produce: canonical units, labels without separators.
const comparator = fc.constantFrom<Comparator>('>=', '>', '=', '<=', '<');
const value = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,7}$/), fc.option(fc.stringMatching(/^\d{1,3}$/)))
  .map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
const unit = fc.oneof(
  fc.constantFrom('', '%', '万元', '件', '次', '期次', '批次', '学时', '份', '个', '小时', '分钟', '万人次', '次/年'),
  fc.string({ unit: fc.constantFrom('株', '吨', '度', '贝', '分', 'k', 'm', '2', '、', '以', '上'), minLength: 1, maxLength: 4 }),
);
const quantitativeTarget = fc
  .record({ comparator, value, unit })
  .map((q): QuantitativeTarget => ({ kind: 'quantitative', ...q, direction: directionOf(q.comparator) }));
const label = fc
  .string({ unit: fc.constantFrom(...'一二级故障率响应热线满意度A类门禁视频、12345超过达不低于以上'), minLength: 1, maxLength: 6 })
  // Producible labels only: `1、一` cannot be one, `1、` being a quantity of its own (=1).
  .filter((l) => {
    const probe = parseTarget(`${l}≥1`);
    return probe.kind === 'compound' && probe.parts.length === 1 && probe.parts[0]!.label === l;
  });
const compoundTarget = fc
  .array(fc.tuple(label, quantitativeTarget), { minLength: 1, maxLength: 5 })
  .map((parts): CompoundTarget => ({ kind: 'compound', parts: parts.map(([l, q]) => ({ label: l, ...q })) }));
const qualitativeText = fc.oneof(
  fc.constantFrom(...SEED_TARGETS.filter((s) => s.expected.kind === 'qualitative').map((s) => s.input)),
  fc.string({ unit: fc.constantFrom(...'提升及时按计划完成每周一次年底天内前十名，、3 7'), minLength: 1, maxLength: 12 }),
);
const qualitativeTarget = qualitativeText
  .map((text): ParsedTarget => ({ kind: 'qualitative', text: text.trim() }))
  .filter((t) => t.kind === 'qualitative' && parseTarget(t.text).kind === 'qualitative');
const parsedTarget: fc.Arbitrary<ParsedTarget> = fc.oneof(
  quantitativeTarget,
  compoundTarget,
  qualitativeTarget,
  fc.constant<ParsedTarget>({ kind: 'none' }),
);

describe('formatTarget is the inverse of parseTarget (issue: parse(format(t)) deep-equals t)', () => {
  it('for generated targets', () => {
    fc.assert(
      fc.property(parsedTarget, (t) => {
        expect(parseTarget(formatTarget(t))).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['target-like token soup', targetLike],
    ['printable ASCII', fc.string({ maxLength: 40 })],
    ['any code point', fc.string({ unit: 'binary', maxLength: 40 })],
  ])('for whatever parses successfully out of %s', (_name, strings) => {
    fc.assert(
      fc.property(strings, (s) => {
        const parsed = parseTarget(s);
        if (parsed.kind === 'error') return;
        expect(parseTarget(formatTarget(parsed))).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('the token soup reaches every kind of result (the property above is not vacuous)', () => {
    const kinds = new Set(fc.sample(targetLike, { numRuns: 3000, seed: 42 }).map((s) => parseTarget(s).kind));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });
});
