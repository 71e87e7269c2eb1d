import { EVENT_LABELS as DOMAIN_EVENT_LABELS, LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES, STATE_LABELS as DOMAIN_STATE_LABELS } from '@app/domain';
import { EVENT_LABELS, STATE_LABELS } from '../../apps/web/src/types';

// Not end-to-end (nothing is started); it sits here because it reads both the page and libs/domain.
// The page's copy of the lifecycle labels (needed synchronously) is the domain's, word for word:
// a state or event renamed in libs/domain must be renamed here too.
describe('lifecycle labels on the page', () => {
  it('name every state as the domain does', () => {
    expect(Object.keys(STATE_LABELS).sort()).toEqual([...LIFECYCLE_STATES].sort());
    for (const state of LIFECYCLE_STATES) expect(STATE_LABELS[state]).toBe(DOMAIN_STATE_LABELS[state]);
  });

  it('name every event as the domain does', () => {
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...LIFECYCLE_EVENT_TYPES].sort());
    for (const type of LIFECYCLE_EVENT_TYPES) expect(EVENT_LABELS[type]).toBe(DOMAIN_EVENT_LABELS[type]);
  });
});
