import { canonicalJson, ChainedEvent, eventHash, firstBrokenLink, GENESIS_HASH } from './hash-chain';

// form_events rows are hash-chained per form (issue "The lifecycle", Persistence).
describe('form event hash chain', () => {
  const base: ChainedEvent = {
    formId: 'f1', seq: 1, type: 'CREATE', from: null, to: 'draft', formVersion: 1,
    actorId: 'u1', actorUsername: 'unit1', actorRole: 'unit', actorOrgId: 'o1', comment: null,
    payload: { b: 1, a: [2, { d: 1, c: null }] }, at: '2024-03-01T01:02:03.004Z',
  };
  const chain = (events: ChainedEvent[]) => {
    let prev = GENESIS_HASH;
    return events.map((e) => {
      const hash = eventHash(prev, e);
      const row = { ...e, prevHash: prev, hash };
      prev = hash;
      return row;
    });
  };
  const events = [
    base,
    { ...base, seq: 2, type: 'SUBMIT', from: 'draft', to: 'declared', formVersion: 2, payload: {} },
    { ...base, seq: 3, type: 'START_REVIEW', from: 'declared', to: 'reviewing', formVersion: 3, actorRole: 'reviewer', payload: {} },
  ];

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('does not depend on payload key order (jsonb reorders keys)', () => {
    expect(eventHash(GENESIS_HASH, base)).toBe(eventHash(GENESIS_HASH, { ...base, payload: { a: [2, { c: null, d: 1 }], b: 1 } }));
  });

  it('accepts an intact chain', () => {
    expect(firstBrokenLink(chain(events))).toBeNull();
  });

  it.each([
    ['a changed comment', (rows: ReturnType<typeof chain>) => (rows[1].comment = '改过')],
    ['a changed actor', (rows: ReturnType<typeof chain>) => (rows[1].actorUsername = 'someone')],
    ['a changed time', (rows: ReturnType<typeof chain>) => (rows[1].at = '2024-03-01T01:02:03.005Z')],
    ['a removed row', (rows: ReturnType<typeof chain>) => rows.splice(1, 1)],
    ['swapped rows', (rows: ReturnType<typeof chain>) => rows.reverse()],
  ])('detects %s', (_what, tamper) => {
    const rows = chain(events);
    tamper(rows);
    expect(firstBrokenLink(rows)).not.toBeNull();
  });

  it('detects a row whose hash was recomputed but whose successor was not', () => {
    const rows = chain(events);
    rows[1] = { ...rows[1], comment: 'x' };
    rows[1].hash = eventHash(rows[1].prevHash, rows[1]);
    expect(firstBrokenLink(rows)).toBe(3);
  });
});
