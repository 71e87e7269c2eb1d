import type { TargetErrorCode, TargetParseError } from './types';
import { TARGET_MAX_LENGTH } from './vocabulary';

const EXAMPLES = '如“≥92.00(%)”“≤35.50(万元)”“=24(次)”“一级故障≤90分钟，二级故障≤180分钟”';

// Chinese for users; `detail` is the offending piece of the input.
const MESSAGES: Record<TargetErrorCode, (detail: string) => string> = {
  'target.notString': () => '指标值必须是文本。',
  'target.tooLong': () => `指标值过长（超过 ${TARGET_MAX_LENGTH} 个字符），请精简后再填写。`,
  'target.invalidCharacter': () => '指标值含有控制字符或无法显示的字符，请删除后重新填写。',
  'target.missingNumber': (d) => `比较符“${d}”后缺少数值，${EXAMPLES}。`,
  'target.badNumber': (d) => `数值“${d}”格式不正确（应为如 92、92.00 或 31,000 的数字）。`,
  'target.splitNumber': (d) => `“${d}”中的数值被空格或换行断开，请确认完整的数值后重新填写。`,
  'target.unbalancedParens': (d) => `“${d}”中的括号不成对。`,
  'target.emptyUnit': (d) => `“${d}”的括号中缺少计量单位。`,
  'target.badUnit': (d) => `计量单位“${d}”不能包含比较符。`,
  'target.unknownUnit': (d) => `无法识别计量单位“${d}”；请把单位写在括号中，如“≥90(${d})”，或改写为文字描述。`,
  'target.multipleComparators': (d) => `“${d}”含有多个相互冲突的比较符，只能保留一个。`,
  'target.unsupportedComparator': (d) => `不支持比较符“${d}”，请使用 ≥、>、=、≤ 或 <。`,
  'target.trailingText': (d) => `数值和单位之后还有多余内容“${d}”，${EXAMPLES}。`,
  'target.compoundLabelMissing': (d) => `多项指标值中“${d}”缺少名称，如“一级故障≤90分钟，二级故障≤180分钟”。`,
  'target.compoundPartInvalid': (d) =>
    `含比较符的指标值须全部写成定量形式；“${d}”不是“名称+比较符+数值+单位”，可拆分为单独的指标或改写为文字描述。`,
  'target.unrecognised': (d) => `无法识别指标值“${d}”，${EXAMPLES}；定性指标请用文字描述，不适用请填写“无”。`,
  'target.internal': () => '指标值解析出错，请联系管理员。',
};

export function targetError(code: TargetErrorCode, input: string, detail = '', position?: number): TargetParseError {
  const error: TargetParseError = { kind: 'error', code, message: MESSAGES[code](detail), input };
  if (position !== undefined) error.position = position;
  return error;
}
