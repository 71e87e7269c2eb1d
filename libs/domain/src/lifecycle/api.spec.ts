import { allowedEvents, applyEvent, initialSnapshot, LifecycleSnapshotError, type PersistedLifecycle, stateOf } from './api';
import { ACTORS, FORM, persistedIn, roundTrip, valid } from './lifecycle.fixtures';
import { MACHINE_VERSION } from './machine';

describe('initialSnapshot', () => {
  it('is a JSON snapshot in draft with the machine version and the form context', () => {
    const persisted = initialSnapshot(FORM);
    expect(persisted).toEqual(roundTrip(persisted));
    expect(persisted.machineVersion).toBe(MACHINE_VERSION);
    expect(persisted.snapshot).toMatchObject({ status: 'active', value: 'draft', context: FORM });
    expect(stateOf(persisted)).toBe('draft');
  });
});

describe('applyEvent', () => {
  it('returns the state before and after, and a persistable snapshot of the new state', () => {
    const result = applyEvent(initialSnapshot(FORM), valid('SUBMIT'));
    expect(result).toMatchObject({ ok: true, from: 'draft', state: 'declared' });
    if (!result.ok) return;
    expect(result.snapshot).toEqual(roundTrip(result.snapshot));
    expect(result.snapshot.machineVersion).toBe(MACHINE_VERSION);
    expect(stateOf(result.snapshot)).toBe('declared');
  });

  it('does not change the snapshot it was given', () => {
    const persisted = persistedIn('reviewing');
    const copy = roundTrip(persisted);
    applyEvent(persisted, valid('APPROVE'));
    expect(persisted).toEqual(copy);
  });

  it('marks the snapshot done in the final state', () => {
    const completed = persistedIn('completed');
    expect(completed.snapshot.status).toBe('done');
    expect(stateOf(roundTrip(completed))).toBe('completed');
    expect(allowedEvents(completed, ACTORS.admin)).toEqual([]);
  });

  it('resumes a snapshot in a freshly loaded copy of the module (another process)', () => {
    const stored = JSON.stringify(persistedIn('reviewing'));
    let fresh: typeof import('./api') | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import('./api')>('./api');
    });
    expect(fresh).toBeDefined();
    expect(fresh!.applyEvent).not.toBe(applyEvent);
    const result = fresh!.applyEvent(JSON.parse(stored) as PersistedLifecycle, valid('RETURN'));
    expect(result).toMatchObject({ ok: true, from: 'reviewing', state: 'returned' });
    // …and the result resumes here again.
    if (result.ok) expect(applyEvent(roundTrip(result.snapshot), valid('SUBMIT'))).toMatchObject({ ok: true, state: 'declared' });
  });
});

describe('stored snapshots that cannot be resumed', () => {
  const good = () => roundTrip(persistedIn('declared'));

  it('refuses another machine version (migrate first)', () => {
    const stored = { ...good(), machineVersion: 'old' };
    expect(() => applyEvent(stored, valid('START_REVIEW'))).toThrow(LifecycleSnapshotError);
    expect(() => stateOf(stored)).toThrow('machine version old');
  });

  it('refuses an unknown state or an incomplete context', () => {
    const unknownState = good();
    unknownState.snapshot.value = 'archived';
    expect(() => stateOf(unknownState)).toThrow(LifecycleSnapshotError);
    const noUnit = good();
    noUnit.snapshot.context = { ...noUnit.snapshot.context, unitId: '' };
    expect(() => allowedEvents(noUnit, ACTORS.ownUnit)).toThrow('context is incomplete');
  });

  it('refuses to start a form without its ids (the machine itself tolerates a missing input)', () => {
    const ids = { formId: 'f-1', unitId: 'u-1', departmentId: 'd-1' };
    expect(stateOf(initialSnapshot(ids))).toBe('draft');
    expect(() => initialSnapshot({ ...ids, departmentId: '' })).toThrow(LifecycleSnapshotError);
    expect(() => initialSnapshot(undefined as unknown as typeof ids)).toThrow('needs its formId');
  });
});
