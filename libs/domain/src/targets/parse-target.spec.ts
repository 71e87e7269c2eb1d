import { SEED_ARTEFACTS, SEED_TARGETS } from '../../../../test/fixtures/seed-targets';
import { formatTarget, parseTarget, parseTargetUncached } from '.';
import type { ParsedTarget, TargetParseError } from './types';

const q = (comparator: '>=' | '>' | '=' | '<=' | '<', value: string, unit = ''): ParsedTarget => ({
  kind: 'quantitative',
  comparator,
  value,
  unit,
  direction: comparator === '=' ? 'equal' : comparator.startsWith('>') ? 'positive' : 'reverse',
});
const text = (t: string): ParsedTarget => ({ kind: 'qualitative', text: t });

function errorOf(input: string): TargetParseError {
  const result = parseTarget(input);
  if (result.kind !== 'error') throw new Error(`expected an error for ${JSON.stringify(input)}, got ${JSON.stringify(result)}`);
  return result;
}

// DESIGN §1: a target is "parsed, never guessed"; the seeds are real published forms.
describe('parseTarget: every distinct target of the seed forms (../shared/seeds)', () => {
  it('the table lists each target once', () => {
    const inputs = SEED_TARGETS.map((s) => s.input);
    expect(new Set(inputs).size).toBe(inputs.length);
    expect(inputs.length).toBe(114);
  });

  it.each(SEED_TARGETS.map((s) => [s.input, s.seen.join(' '), s.expected] as const))('%s (%s)', (input, _seen, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it.each(SEED_TARGETS.map((s) => [s.input] as const))('%s survives parse ∘ format', (input) => {
    const parsed = parseTarget(input);
    if (parsed.kind === 'error') throw new Error(parsed.message);
    expect(parseTarget(formatTarget(parsed))).toEqual(parsed);
  });

  // 000 line 135 lost its target cell in the PDF text: the parser does not guess a name is not a target.
  it.each(SEED_ARTEFACTS.map((s) => [s.input, s.expected] as const))('extraction artefact %s is read as text', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  // 001's 满意度 `>=90%` may reach the importer cut by a PDF line break.
  it('a `>=9` cut from its `0%` is read as written (≥9, no unit): the parser cannot know the rest', () => {
    expect(parseTarget('>=9')).toEqual(q('>=', '9'));
  });
  it('a number broken by a line break (`>=9\\n0%`) is target.splitNumber, not 9 or 90', () => {
    expect(errorOf('>=9\n0%').code).toBe('target.splitNumber');
    expect(errorOf('≥ 9 0 %').code).toBe('target.splitNumber');
  });
});

// 《中华人民共和国民法典》第一千二百五十九条: 以上、以下、以内 include the number; 不满、超过 exclude it.
describe('parseTarget: Chinese phrasing (民法典第一千二百五十九条)', () => {
  it.each([
    ['80%以上', q('>=', '80', '%')],
    ['80%及以上', q('>=', '80', '%')],
    ['100万元以下', q('<=', '100', '万元')],
    ['3天以内', q('<=', '3', '天')],
    ['24 小时以内', q('<=', '24', '小时')],
    ['80以上', q('>=', '80')],
    ['超过80%', q('>', '80', '%')],
    ['不满18', q('<', '18')],
  ])('以上/以下/以内 include the number, 超过/不满 exclude it: %s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it.each([
    ['达到80%以上', q('>=', '80', '%')],
    ['达85%以上', q('>=', '85', '%')],
    ['达到90%', q('>=', '90', '%')],
    ['不低于90分', q('>=', '90', '分')],
    ['不少于3次', q('>=', '3', '次')],
    ['不高于3%', q('<=', '3', '%')],
    ['不超过 35.5 万元', q('<=', '35.5', '万元')],
    ['高于95%', q('>', '95', '%')],
    ['大于95%', q('>', '95', '%')],
    ['低于3%', q('<', '3', '%')],
    ['小于3%', q('<', '3', '%')],
    ['大于等于5次', q('>=', '5', '次')],
    ['小于等于24小时', q('<=', '24', '小时')],
    ['等于100%', q('=', '100', '%')],
  ])('comparator words: %s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it('a word and a suffix that agree are one comparator; that disagree are an error', () => {
    expect(parseTarget('不低于80%以上')).toEqual(q('>=', '80', '%'));
    expect(errorOf('超过80%以上').code).toBe('target.multipleComparators');
    expect(errorOf('>90%以上').code).toBe('target.multipleComparators');
    expect(parseTarget('≥90%以上')).toEqual(q('>=', '90', '%'));
  });

  it.each(['不超预算', '高于全国平均水平', '不低于去年', '超过预期', '较上一年提升'])('words without a number stay text: %s', (input) => {
    expect(parseTarget(input)).toEqual(text(input));
  });
});

describe('parseTarget: comparators, numbers and units (DESIGN §1)', () => {
  it.each([
    ['≥90', '>='],
    ['>=90', '>='],
    ['≧90', '>='],
    ['＞＝90', '>='],
    ['>90', '>'],
    ['＞90', '>'],
    ['=90', '='],
    ['==90', '='],
    ['＝90', '='],
    ['≤90', '<='],
    ['<=90', '<='],
    ['≦90', '<='],
    ['<90', '<'],
    ['＜90', '<'],
  ] as const)('%s has comparator %s (ASCII and full-width forms)', (input, comparator) => {
    expect(parseTarget(input)).toEqual(q(comparator, '90'));
  });

  it('direction: ≥ > positive, ≤ < reverse, = equal', () => {
    expect(parseTarget('≥1')).toMatchObject({ direction: 'positive' });
    expect(parseTarget('>1')).toMatchObject({ direction: 'positive' });
    expect(parseTarget('≤1')).toMatchObject({ direction: 'reverse' });
    expect(parseTarget('<1')).toMatchObject({ direction: 'reverse' });
    expect(parseTarget('=1')).toMatchObject({ direction: 'equal' });
  });

  it.each([
    ['≥ 92.00 (百分比)', q('>=', '92.00', '%')],
    ['≥92.00（百分比）', q('>=', '92.00', '%')],
    ['≥９２．００％', q('>=', '92.00', '%')],
    ['　≥　92　%　', q('>=', '92', '%')],
    ['>= 90 %', q('>=', '90', '%')],
    ['=100％', q('=', '100', '%')],
    ['≥85(%)', q('>=', '85', '%')],
    ['≥ 85 ( % )', q('>=', '85', '%')],
    ['≥85百分比', q('>=', '85', '%')],
  ])('spaces anywhere, full-width digits and parentheses, %% ％ 百分比 as one unit "%%": %s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it.each([
    ['≥31,000(件)', q('>=', '31000', '件')],
    ['≥1,819,200.00(元)', q('>=', '1819200.00', '元')],
    ['≥31000.00(件)', q('>=', '31000.00', '件')],
    ['=0.00(件)', q('=', '0.00', '件')],
    ['≥-5%', q('>=', '-5', '%')],
  ])('the value is the exact decimal as written, without thousands separators: %s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it.each([
    ['35人', q('=', '35', '人')],
    ['2个', q('=', '2', '个')],
    ['100%', q('=', '100', '%')],
    ['12', q('=', '12')],
    ['>40', q('>', '40')],
    ['≥20.00(万人次)', q('>=', '20.00', '万人次')],
    ['≥20万人次', q('>=', '20', '万人次')],
    ['≤8 小时', q('<=', '8', '小时')],
    ['≥3 次/年', q('>=', '3', '次/年')],
    ['≥90(分贝)', q('>=', '90', '分贝')],
    ['≥90( 分 贝 )', q('>=', '90', '分贝')],
    ['≥90%。', q('>=', '90', '%')],
  ])('no comparator means =; units bare or in parentheses: %s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });
});

describe('parseTarget: compound targets (DESIGN §1)', () => {
  const faults = [
    { label: '一级故障', ...q('<=', '90', '分钟') },
    { label: '二级故障', ...q('<=', '180', '分钟') },
    { label: '三级故障', ...q('<=', '24', '小时') },
  ];

  it('一级故障≤90 分钟，二级故障≤180 分钟，三级故障≤24 小时 is three labelled parts', () => {
    expect(parseTarget('一级故障≤90 分钟，二级故障≤180 分钟，三级故障≤24 小时')).toEqual({ kind: 'compound', parts: faults });
  });

  it.each(['，', ',', '；', ';', '、', ' ', '，\n'])('parts may be separated by %j', (sep) => {
    const input = ['一级故障≤90分钟', '二级故障≤180分钟', '三级故障≤24小时'].join(sep);
    expect(parseTarget(input)).toEqual({ kind: 'compound', parts: faults });
  });

  it('labels may contain 、 and digits; parts may use comparator words', () => {
    expect(parseTarget('门禁、视频系统故障率<3%；12345回访率不低于90%')).toEqual({
      kind: 'compound',
      parts: [
        { label: '门禁、视频系统故障率', ...q('<', '3', '%') },
        { label: '12345回访率', ...q('>=', '90', '%') },
      ],
    });
  });

  it('one labelled quantity is a compound of one part (the label is kept)', () => {
    expect(parseTarget('满意度 ≥ 90%')).toEqual({ kind: 'compound', parts: [{ label: '满意度', ...q('>=', '90', '%') }] });
  });

  it('an unlabelled part among several is target.compoundLabelMissing', () => {
    expect(errorOf('≥90%，≥80%').code).toBe('target.compoundLabelMissing');
    expect(errorOf('一级故障≤90分钟，≤180分钟')).toMatchObject({ code: 'target.compoundLabelMissing', position: 10 });
  });

  it('a comparator next to prose is target.compoundPartInvalid: a number was meant, the rest is not one', () => {
    expect(errorOf('满意度≥90%，较上年提升').code).toBe('target.compoundPartInvalid');
  });
});

describe('parseTarget: qualitative targets are kept as written (DESIGN §1, scored by tier in §4)', () => {
  it.each([
    '及时', '按时', '提升', '提高', '健全', '建立健全', '制定并完善', '全覆盖', '按计划实施', '前十名', '较上一年提升',
    '当天派单', '年底完成', '7天内完成', '每个工作日一次', '每周一次', '持续展示', '规范，不超预算', '形成', '降低',
    '2024年12月前完成', '提前3天完成', '信息员35人', '35人，20个',
  ])('%s', (input) => {
    expect(parseTarget(input)).toEqual(text(input));
  });

  it('is trimmed, otherwise untouched (full-width characters, inner line breaks)', () => {
    expect(parseTarget('  规范，\n不超预算　')).toEqual(text('规范，\n不超预算'));
    expect(parseTarget('\u3000ＡＢＣ完成 ')).toEqual(text('ＡＢＣ完成'));
  });

  it('placeholders (/, -, —, ——, …) are not read as 无 (never guessed); the prechecks report them', () => {
    for (const p of ['/', '／', '-', '—', '——', '…', '--']) expect(parseTarget(p)).toEqual(text(p));
  });
});

describe('parseTarget: none — 无, not applicable (DESIGN §1)', () => {
  it.each(['无', ' 无 ', '不适用', '', '   ', '\t\n', '\u3000'])('%j is none', (input) => {
    expect(parseTarget(input)).toEqual({ kind: 'none' });
  });
});

// Broken quantitative input is an error with a specific code, never silently qualitative.
describe('parseTarget: errors', () => {
  it.each([
    ['≥', 'target.missingNumber'],
    ['≥abc', 'target.missingNumber'],
    ['>=(%)', 'target.missingNumber'],
    ['<p>提升</p>', 'target.missingNumber'],
    ['≥92.00(%', 'target.unbalancedParens'],
    ['≥92.00)%', 'target.unbalancedParens'],
    ['92.00(%', 'target.unbalancedParens'],
    ['≥92((%))', 'target.unbalancedParens'],
    ['>=<=5', 'target.multipleComparators'],
    ['≥ =5', 'target.multipleComparators'],
    ['=>5', 'target.multipleComparators'],
    ['=1.2.3%', 'target.badNumber'],
    ['1.2.3%', 'target.badNumber'],
    ['≥5.', 'target.badNumber'],
    ['≥.5', 'target.badNumber'],
    ['≥92()', 'target.emptyUnit'],
    ['≥92(≥)', 'target.badUnit'],
    ['≥3天内完成', 'target.unknownUnit'],
    ['≥90 分贝', 'target.unknownUnit'],
    ['≥92(%)abc', 'target.trailingText'],
    ['≥90%的覆盖率', 'target.trailingText'],
    ['≠5', 'target.unsupportedComparator'],
    ['!=5', 'target.unsupportedComparator'],
    ['<>5', 'target.unsupportedComparator'],
    ['()', 'target.unrecognised'],
    ['%', 'target.unrecognised'],
    ['12 34', 'target.splitNumber'],
  ])('%s → %s', (input, code) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('positions point into the input as given (leading spaces included)', () => {
    expect(errorOf('  =1.2.3%')).toMatchObject({ code: 'target.badNumber', position: 3 });
  });

  it('refuses inputs longer than 500 characters before parsing them (target.tooLong)', () => {
    expect(errorOf('提'.repeat(501)).code).toBe('target.tooLong');
    expect(parseTarget('提'.repeat(500))).toEqual(text('提'.repeat(500)));
  });

  it.each(['≥90\u0000%', '提升\u0007', '\u001b[31m及时', '提升\ud800', '\udc00', '及时\ufffd', '\u202e及时'])(
    'control characters, lone surrogates, U+FFFD and bidi overrides are target.invalidCharacter: %j',
    (input) => {
      expect(errorOf(input).code).toBe('target.invalidCharacter');
    },
  );

  it('a value that is not a string (a malformed body) is target.notString', () => {
    for (const v of [undefined, null, 42, {}]) expect(parseTarget(v as unknown as string)).toMatchObject({ kind: 'error', code: 'target.notString' });
  });
});

// Memoised results are shared, so they must be immutable.
describe('parseTarget memo', () => {
  it('returns the same frozen result for the same input, equal to an uncached parse', () => {
    const a = parseTarget('≥ 92.00 (百分比)');
    const b = parseTarget('≥ 92.00 (百分比)');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual(parseTargetUncached('≥ 92.00 (百分比)'));
    expect(() => {
      (a as { value?: string }).value = '1';
    }).toThrow(TypeError);
  });

  it('freezes nested parts of compound targets too', () => {
    const t = parseTarget('一级故障≤90 分钟，二级故障≤180 分钟');
    expect(t.kind).toBe('compound');
    if (t.kind === 'compound') expect(Object.isFrozen(t.parts[0])).toBe(true);
  });
});
