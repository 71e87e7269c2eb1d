// The organisations the caller may see (GET /api/orgs), loaded once per session for names in lists
// and forms; the admin page invalidates the cache after creating one.
import { api, storedSession } from '../api';
import type { Org } from '../types';
import { Async, useAsync } from '../ui';

let orgsPromise: Promise<Map<string, Org>> | null = null;
/** Whose organisations are cached: signing out and in as someone else (another scope) loads them again. */
let orgsFor: string | null = null;

export function loadOrgs(): Promise<Map<string, Org>> {
  const who = storedSession()?.user.id ?? null;
  if (orgsFor !== who) {
    orgsPromise = null;
    orgsFor = who;
  }
  if (!orgsPromise) {
    orgsPromise = api<{ items: Org[] }>('GET', '/api/orgs').then(
      (r) => new Map(r.items.map((o) => [o.id, o])),
      (err: unknown) => {
        orgsPromise = null; // a failure is not remembered: the next page tries again
        throw err;
      },
    );
  }
  return orgsPromise;
}

export function invalidateOrgs(): void {
  orgsPromise = null;
}

export function useOrgs(): Async<Map<string, Org>> {
  return useAsync(loadOrgs, []);
}

/** The name of an organisation, or a neutral placeholder while unknown. */
export function orgName(orgs: Map<string, Org> | undefined, id: string | null | undefined): string {
  if (!id) return '—';
  return orgs?.get(id)?.name ?? '—';
}
