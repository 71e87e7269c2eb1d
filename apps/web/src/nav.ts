// Which item of the main navigation is highlighted. A form's own pages (/forms/…) belong to the list
// the user opened them from: a reviewer who comes from 审核队列 stays in 审核队列, not in 全部申报表.

const LAST_LIST = 'jixiao:lastNavList';

/**
 * The `to` of the highlighted item for `path`: the item of that very page; for a form's pages, the
 * list page the user came from (when it is one of the items); else the item whose pages these are.
 */
export function activeNav(items: readonly { to: string }[], path: string, cameFrom: string | null): string | undefined {
  const own = items.find((n) => n.to === path);
  if (own) return own.to;
  if (path.startsWith('/forms/') && cameFrom !== null && items.some((n) => n.to === cameFrom)) return cameFrom;
  return items.find((n) => path.startsWith(n.to + '/'))?.to;
}

/** Remembers the list page being shown (per tab, so that a reload of a form page keeps its highlight). */
export function rememberNavList(items: readonly { to: string }[], path: string): void {
  if (items.some((n) => n.to === path)) sessionStorage.setItem(LAST_LIST, path);
}

export function lastNavList(): string | null {
  return sessionStorage.getItem(LAST_LIST);
}
