// Check boxes as printed by templates that list every option (`☑特定目标类 □其他人员类`).
const CHECKED = '☑☒✓✔√■▣✅';
const UNCHECKED = '□☐▢';
const MARK = new RegExp(`[${CHECKED}${UNCHECKED}]`);

/**
 * The value of a field that may be printed as check boxes: the plain text when there are no boxes,
 * the one ticked option when there is exactly one, otherwise null (nothing or several ticked).
 * The mark may precede its option (`☑特定目标类`) or follow it (`特定目标类√`).
 */
export function resolveChoice(value: string): { value: string; ticked: string[] } | null {
  if (!MARK.test(value)) return { value, ticked: [] };
  const markFirst = MARK.test([...value.trim()][0] ?? '');
  const parts = value.split(new RegExp(`([${CHECKED}${UNCHECKED}])`)).map((p) => p.trim());
  // parts alternates text, mark, text, mark, …
  const ticked: string[] = [];
  for (let k = 1; k < parts.length; k += 2) {
    if (!CHECKED.includes(parts[k])) continue;
    const option = markFirst ? parts[k + 1] : parts[k - 1];
    if (option) ticked.push(option.replace(/[()（）]/g, '').trim());
  }
  return ticked.length === 1 ? { value: ticked[0], ticked } : null;
}
