import type { Comparator, Direction } from './types';

/**
 * The words of a 年度指标值: comparators (symbols and Chinese phrasing), units, and the text that
 * means "not applicable". The grammar (grammar.ts) only combines them.
 */

/** Longer inputs are refused before any work: a real target is a few dozen characters. */
export const TARGET_MAX_LENGTH = 500;

/** ≥ and > are positive (more is better), ≤ and < reverse, = equal (DESIGN §1). */
export function directionOf(comparator: Comparator): Direction {
  if (comparator === '>=' || comparator === '>') return 'positive';
  if (comparator === '<=' || comparator === '<') return 'reverse';
  return 'equal';
}

/** How the canonical form writes a comparator: ≥92.00(%), ≤35.50(万元), =24.00(次), >40. */
export const COMPARATOR_SYMBOL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/**
 * Symbols, after normalise() (which folds ＞＜＝ ≧≦ ⩾⩽ into > < = ≥ ≤). Two-character forms come first.
 * `null`: a comparator the target types cannot express (≠, !=, <>), reported rather than misread.
 */
export const SYMBOLS: readonly (readonly [string, Comparator | null])[] = [
  ['>=', '>='],
  ['<=', '<='],
  ['==', '='],
  ['!=', null],
  ['<>', null],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['≠', null],
];

/** Characters that start a symbol: text containing one is meant as a quantitative target. */
export const SYMBOL_START = /[<>=≥≤≠]|!=/;

/**
 * Chinese phrasing before the number. 《中华人民共和国民法典》第一千二百五十九条: "民法所称的'以上'、
 * '以下'、'以内'、'届满'，包括本数；所称的'不满'、'超过'、'以外'，不包括本数" — so 超过 and 不满
 * exclude the number. `neutral`: 达到/达 only say "reach"; a suffix (达到80%以上) decides, else ≥.
 * Longest first, so 不超过 is not read as 超过 and 大于等于 not as 大于.
 */
export const PREFIX_WORDS: readonly (readonly [string, Comparator | 'neutral'])[] = [
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['至少', '>='],
  ['最少', '>='],
  ['至多', '<='],
  ['最多', '<='],
  ['高于', '>'],
  ['大于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['不满', '<'],
  ['不足', '<'],
  ['未满', '<'],
  ['等于', '='],
  ['达到', 'neutral'],
  ['达', 'neutral'],
];

/** Chinese phrasing after the number (民法典第一千二百五十九条: 以上、以下、以内 include the number). */
export const SUFFIX_WORDS: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='],
  ['或以上', '>='],
  ['及以下', '<='],
  ['或以下', '<='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
];

/** The one percent unit: %, ％ (folded by normalise) and 百分比 are all "%". */
export const PERCENT = '%';
const PERCENT_FORMS = new Set(['%', '％', '﹪', '百分比']);

export function isPercentUnit(unit: string): boolean {
  return PERCENT_FORMS.has(unit.replace(/\s+/g, ''));
}

/** The canonical spelling of a unit: no whitespace, and every percent form as "%". */
export function canonicalUnit(unit: string): string {
  const compact = unit.replace(/\s+/g, '');
  return PERCENT_FORMS.has(compact) ? PERCENT : compact;
}

/**
 * Units recognised without parentheses (`35人`, `2个`, `≥8000 件`). Any other unit must be written in
 * parentheses, `≥90(分贝)`: otherwise `7天内完成` could not be told from `7(天内完成)`.
 */
const BARE_UNITS = [
  // 量词
  '个 件 次 人 人次 名 位 户 户次 家 所 项 项次 套 台 辆 车次 艘 架 架次 座 处 条 本 册 张 份 篇 篇次 部 集 期 期次',
  '批 批次 场 场次 轮 届 班 班次 课 课时 学时 节 门 组 支 株 棵 只 头 类 种 宗 起 单 笔 卷 盏 块 幅 根 回 遍 倍',
  // 度量
  '米 公里 千米 平方米 平米 平方公里 立方米 亩 公顷 吨 千克 公斤 克 斤 升 毫升 度 元 角 分 分钟 秒 小时 天 日 周',
  '个月 月 季度 年 工作日 个工作日 人日 人天 人月 万 亿 百分点 ‰ km m ㎡ m² m³ kg t GB TB MB Mbps kWh',
]
  .join(' ')
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** 万元, 万人次, 亿元 …: a magnitude before a bare unit. */
const MAGNITUDES = ['百万', '千万', '万', '亿', '千', ''];

/** The bare unit starting at `at`, longest first (人次 before 人, 分钟 before 分), or null. */
export function bareUnitAt(s: string, at: number): string | null {
  let best: string | null = null;
  for (const magnitude of MAGNITUDES) {
    if (!s.startsWith(magnitude, at)) continue;
    const unit = BARE_UNITS.find((u) => s.startsWith(u, at + magnitude.length));
    if (unit !== undefined && (best === null || magnitude.length + unit.length > best.length)) best = magnitude + unit;
  }
  if (best === null) return null;
  // 次/年, 元/人: a rate of two bare units.
  if (s[at + best.length] === '/') {
    const per = BARE_UNITS.find((u) => s.startsWith(u, at + best!.length + 1));
    if (per !== undefined) best = `${best}/${per}`;
  }
  return best;
}

/** 无 means the indicator does not apply (DESIGN §1); 不适用 says the same in words. */
export const NONE_WORDS = new Set(['无', '不适用']);

/**
 * Placeholders (—, /, -, …, xx) are NOT read as 无: they may as well mean "to be filled in", and a
 * target is never guessed. They stay qualitative text so that the prechecks report them.
 */
export const PLACEHOLDER = /^(?:[—\-–/…·]+|\.{2,}|[xX×＊*]+)$/;

/** Separators between the parts of a compound target: ， , ； ; 、 and whitespace (and a closing 。). */
export function isSeparator(ch: string | undefined): boolean {
  return ch !== undefined && (ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '、' || ch === '。' || /\s/.test(ch));
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

// Full-width digits and signs, ＞＜＝, ≧≦, （）, ％, ．, and the odd spaces of copy-paste. One UTF-16
// unit maps to one, so positions in the normalised text are positions in the input.
const FOLD = new Map<string, string>([
  ['＞', '>'],
  ['＜', '<'],
  ['＝', '='],
  ['！', '!'],
  ['≧', '≥'],
  ['≦', '≤'],
  ['⩾', '≥'],
  ['⩽', '≤'],
  ['（', '('],
  ['）', ')'],
  ['％', '%'],
  ['﹪', '%'],
  ['．', '.'],
  ['＋', '+'],
  ['－', '-'],
  ['−', '-'],
  ['／', '/'],
]);
const ODD_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

// Every character normalise() changes; most targets contain none, and are returned as they are.
const NEEDS_FOLDING = /[\uff10-\uff19\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff＞＜＝！≧≦⩾⩽（）％﹪．＋－−／]/;

export function normalise(input: string): string {
  if (!NEEDS_FOLDING.test(input)) return input;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else if (ODD_SPACE.test(ch)) out += ' ';
    else out += FOLD.get(ch) ?? ch;
  }
  return out;
}

/**
 * Where the input has a character no target contains, or -1: control characters (tab and line breaks
 * aside), lone surrogates, U+FFFD (a decoding error upstream), U+FFFE/U+FFFF and bidi overrides (text
 * that displays otherwise than it reads).
 */
export function invalidCharacterAt(input: string): number {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = input.charCodeAt(i + 1); // NaN past the end
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xdc00 && c <= 0xdfff) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c >= 0xfffd
    ) {
      return i;
    }
  }
  return -1;
}
