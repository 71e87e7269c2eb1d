import type { Funds } from '../forms';
import { addMoney, compareMoney, dec, MoneyError, toMoney, wanYuanToYuan, yuanFromPrinted, type Money } from '../money';
import type { HeaderEntry, HeaderKey } from './header';
import type { Note } from './types';

type Unit = 'yuan' | 'wan';
type Component = 'currentYear' | 'carryOver' | 'other';

const LABEL: Record<keyof Funds, string> = {
  total: '年度资金申请总额',
  currentYear: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
};
const COMPONENTS: Component[] = ['currentYear', 'carryOver', 'other'];
const BLANK = new Set(['', '-', '—', '——', '/', '无']);
const UNIT_IN_TEXT = /[（(]\s*(万元|元)\s*[)）]|(万元|元)\s*$/;

/** The unit of the funds block: `项目资金 (元)`, `项目资金（万元）`, `单位：万元`; null when not printed. */
function blockUnit(entries: HeaderEntry[], unitLines: string[]): Unit | null {
  const texts = [
    ...entries.filter((e) => e.key === 'fundsHeader' || isAmountKey(e.key)).map((e) => `${e.label} ${e.value}`),
    ...unitLines,
  ];
  if (texts.some((t) => /万元/.test(t))) return 'wan';
  if (texts.some((t) => /[（(]\s*元\s*[)）]|单位\s*[:：]?\s*元/.test(t))) return 'yuan';
  return null;
}

function isAmountKey(key: HeaderKey): boolean {
  return ['projectTotal', 'total', 'fiscal', 'currentYear', 'carryOver', 'other'].includes(key);
}

/** An amount in 元, null when the cell is blank or cannot be read (then with a note). */
function amount(entry: HeaderEntry | undefined, unit: Unit, path: string, notes: Note[]): Money | null {
  if (!entry) return null;
  const own = UNIT_IN_TEXT.exec(entry.value);
  const printed = entry.value.replace(UNIT_IN_TEXT, '').trim();
  if (BLANK.has(printed)) return null;
  const u: Unit = own ? ((own[1] ?? own[2]) === '万元' ? 'wan' : 'yuan') : unit;
  try {
    const value = u === 'wan' ? wanYuanToYuan(printed) : yuanFromPrinted(printed);
    if (value !== null) return value;
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e;
  }
  notes.push({ path, line: entry.line, text: entry.value, message: `${entry.label}“${entry.value}”不是可识别的金额，未导入。` });
  return null;
}

/**
 * 项目资金 in 元. Decision for blank amounts (a blank cell is not a zero, and nothing is made up):
 * - a component is inferred only when total = 当年财政拨款 + 上年结转资金 + 其他资金 leaves exactly
 *   one unknown, and it is not negative;
 * - 其他资金 may also be inferred as 年度资金申请总额 − 财政资金 when the 项目资金总额 column that
 *   prints 财政资金 is the same money (项目资金总额 = 年度资金申请总额, or no such column);
 * - when 当年财政拨款 and 上年结转资金 are both blank (001: only 财政资金 is printed), their split is
 *   unknowable: both stay "" with a warning;
 * - a blank total is the sum of the components when all three are printed.
 * Every inference and every amount left blank is a warning. Amounts in 万元 are converted exactly.
 */
export function readFunds(entries: HeaderEntry[], unitLines: string[]): { funds: Funds; notes: Note[] } {
  const notes: Note[] = [];
  let unit = blockUnit(entries, unitLines);
  if (unit === null) {
    unit = 'yuan';
    if (entries.some((e) => isAmountKey(e.key) && !BLANK.has(e.value))) {
      notes.push({ path: 'funds', line: entries.find((e) => e.key === 'fundsHeader')?.line, message: '项目资金未注明单位（元或万元），按元读取。' });
    }
  }
  const entry = (key: HeaderKey): HeaderEntry | undefined => entries.find((e) => e.key === key);
  const others = entries.filter((e) => e.key === 'other');
  // Two 其他资金: the 项目资金总额 column's first, then the 年度 column's (`其他资金⇥⇥其他资金⇥0.00`).
  const annualOther = others.length >= 2 ? others[1] : others[0];

  const known: Record<keyof Funds, Money | null> = {
    total: amount(entry('total'), unit, 'funds.total', notes),
    currentYear: amount(entry('currentYear'), unit, 'funds.currentYear', notes),
    carryOver: amount(entry('carryOver'), unit, 'funds.carryOver', notes),
    other: amount(annualOther, unit, 'funds.other', notes),
  };
  const projectTotal = amount(entry('projectTotal'), unit, 'funds', notes);
  const fiscal = amount(entry('fiscal'), unit, 'funds', notes);
  const line = (key: keyof Funds): number | undefined => (key === 'other' ? annualOther?.line : entry(key)?.line);

  if (!entry('total')) notes.push({ path: 'funds.total', message: '未找到“年度资金申请总额”。' });
  const unknown = (): Component[] => COMPONENTS.filter((c) => known[c] === null);

  if (known.total === null && unknown().length === 0) {
    known.total = addMoney(known.currentYear!, known.carryOver!, known.other!);
    notes.push({ path: 'funds.total', line: line('total'), message: `年度资金申请总额为空，按各项资金之和推算为 ${known.total} 元。` });
  }
  const total = known.total;
  if (total !== null) {
    const sameColumn = projectTotal === null || compareMoney(projectTotal, total) === 0;
    if (known.other === null && fiscal !== null && sameColumn && unknown().length > 1) {
      const rest = toMoney(dec(total).minus(dec(fiscal)));
      if (compareMoney(rest, '0') >= 0) {
        known.other = rest;
        notes.push({
          path: 'funds.other',
          line: line('other'),
          message: `其他资金为空，按“年度资金申请总额 ${total} 元 − 财政资金 ${fiscal} 元”推算为 ${rest} 元。`,
        });
      }
    }
    const missing = unknown();
    if (missing.length === 1) {
      const [c] = missing;
      const rest = toMoney(COMPONENTS.filter((x) => x !== c).reduce((sum, x) => sum.minus(dec(known[x]!)), dec(total)));
      if (compareMoney(rest, '0') >= 0) {
        known[c] = rest;
        notes.push({
          path: `funds.${c}`,
          line: line(c),
          message: `${LABEL[c]}为空，按“年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金”推算为 ${rest} 元。`,
        });
      }
    }
  }
  const split = unknown();
  // 财政资金 = 当年财政拨款 + 上年结转资金: worth saying when exactly that split is what is missing.
  const hint = fiscal !== null && split.includes('currentYear') && split.includes('carryOver') ? `（两者合计应为财政资金 ${fiscal} 元）` : '';
  for (const c of split) {
    const printed = c === 'other' ? annualOther !== undefined : entries.some((e) => e.key === c);
    notes.push({
      path: `funds.${c}`,
      line: line(c),
      message: printed ? `${LABEL[c]}为空，无法从其他金额唯一推算${c === 'other' ? '' : hint}，请手工填写。` : `未找到“${LABEL[c]}”，请手工填写。`,
    });
  }
  if (total !== null && unknown().length === 0) {
    const sum = addMoney(known.currentYear!, known.carryOver!, known.other!);
    if (compareMoney(sum, total) !== 0) {
      notes.push({ path: 'funds.total', line: line('total'), message: `年度资金申请总额 ${total} 元与各项资金之和 ${sum} 元不一致，按原文导入。` });
    }
  }
  return {
    funds: { total: total ?? '', currentYear: known.currentYear ?? '', carryOver: known.carryOver ?? '', other: known.other ?? '' },
    notes,
  };
}
