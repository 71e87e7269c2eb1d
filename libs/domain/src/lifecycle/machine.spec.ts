import { createHash } from 'node:crypto';
import { createActor } from 'xstate';
import { INITIAL_STATE, LIFECYCLE_TRANSITIONS } from './definition';
import { FORM, valid } from './lifecycle.fixtures';
import { lifecycleMachine, MACHINE_VERSION } from './machine';
import { EVENT_LABELS, LIFECYCLE_EVENT_TYPES, LIFECYCLE_STATES, STATE_LABELS } from './types';

/**
 * The shape of the machine each MACHINE_VERSION was released with. When you change states,
 * transitions, guards or actions this test fails: bump MACHINE_VERSION, plan the migration of stored
 * snapshots, and add the new fingerprint here.
 */
const FINGERPRINTS: Record<string, string> = {
  '1': '906a53be62de9516', // not yet released when WITHDRAW got its deadline rule: no snapshot to migrate
};

function fingerprint(): string {
  const shape = { initial: INITIAL_STATE, states: Object.keys(lifecycleMachine.root.states), transitions: LIFECYCLE_TRANSITIONS };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}

describe('lifecycleMachine', () => {
  it('matches the fingerprint recorded for MACHINE_VERSION', () => {
    expect({ version: MACHINE_VERSION, fingerprint: fingerprint() }).toEqual({
      version: MACHINE_VERSION,
      fingerprint: FINGERPRINTS[MACHINE_VERSION],
    });
  });

  it('has exactly the eight states, each labelled, and labels for the nine events', () => {
    expect(Object.keys(lifecycleMachine.root.states)).toEqual([...LIFECYCLE_STATES]);
    expect(Object.values(STATE_LABELS)).toEqual(['草稿', '已申报', '审核中', '退回修改', '已批复', '年终自评', '自评审核', '已完成']);
    expect(LIFECYCLE_EVENT_TYPES.map((t) => EVENT_LABELS[t])).toEqual([
      '申报', '撤回', '开始审核', '批复', '退回', '开启年终自评', '提交自评', '确认自评', '退回自评',
    ]);
  });

  it('has no self-transitions (applyEvent reads an unchanged state as a refusal)', () => {
    expect(LIFECYCLE_TRANSITIONS.filter((t) => t.from === t.to)).toEqual([]);
  });

  it('names who may act on every transition (the definition is read without throwing)', () => {
    expect(LIFECYCLE_TRANSITIONS).toHaveLength(10);
    expect(LIFECYCLE_TRANSITIONS.every((t) => t.who.length > 0)).toBe(true);
  });

  it('runs as an actor too, with no-op action implementations (effects are the edge’s job)', () => {
    const actor = createActor(lifecycleMachine, { input: FORM }).start();
    actor.send(valid('SUBMIT'));
    actor.send(valid('START_REVIEW'));
    actor.send(valid('APPROVE'));
    expect(actor.getSnapshot().value).toBe('approved');
    expect(actor.getSnapshot().context).toEqual(FORM);
    actor.stop();
  });
});
