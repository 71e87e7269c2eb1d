// The organisations the caller may see (GET /api/orgs), loaded once per session for names in lists
// and forms; the admin page invalidates the cache after creating one.
import { api } from '../api';
import type { Org } from '../types';
import { Async, useAsync } from '../ui';

let orgsPromise: Promise<Map<string, Org>> | null = null;

export function loadOrgs(): Promise<Map<string, Org>> {
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
