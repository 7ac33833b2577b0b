import type { StoredConversationRef } from '@soestainable/shared/domain/conversation';
import { ReferencePages } from '@soestainable/bot/proactive/referencePages';

const ref = (userId: string): StoredConversationRef => ({
  owner: { kind: 'user', userId },
  scope: 'personal',
  reference: { conversation: { id: `c-${userId}` } },
  active: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
});

/** An iterateScope whose rows come out one by one when the test says so. */
function gatedSource(rows: StoredConversationRef[], failAfter?: number) {
  const gates: (() => void)[] = [];
  const next = () => new Promise<void>((resolve) => gates.push(resolve));
  async function* iterateScope() {
    for (const [i, row] of rows.entries()) {
      await next();
      if (i === failAfter) throw Object.assign(new Error('storage down'), { code: 'STORAGE_UNAVAILABLE' });
      yield row;
    }
  }
  const step = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { iterateScope, step };
}

describe('ReferencePages', () => {
  it('answers a lookup as soon as its reference is read, and one never read once the reading ends', async () => {
    const source = gatedSource([ref('a'), ref('b')]);
    const errors: unknown[] = [];
    const pages = new ReferencePages(source, ['personal'], (e) => void errors.push(e));
    const b = pages.get({ kind: 'user', userId: 'b' }, 'personal');
    const missing = pages.get({ kind: 'user', userId: 'x' }, 'personal');
    let bAnswered = false;
    void Promise.resolve(b).then(() => (bAnswered = true));
    await source.step(); // a
    expect(bAnswered).toBe(false);
    await source.step(); // b
    expect(bAnswered).toBe(true);
    expect(await b).toMatchObject({ owner: { userId: 'b' } });
    expect(pages.get({ kind: 'user', userId: 'a' }, 'personal')).toMatchObject({ owner: { userId: 'a' } });
    await source.step(); // the end
    expect(await missing).toBeUndefined();
    await pages.reading;
    expect(errors).toEqual([]);
  });

  it('reports a failed reading once and answers the lookups still waiting with undefined', async () => {
    const source = gatedSource([ref('a'), ref('b')], 1);
    const errors: unknown[] = [];
    const pages = new ReferencePages(source, ['personal'], (e) => void errors.push(e));
    const b = pages.get({ kind: 'user', userId: 'b' }, 'personal');
    await source.step();
    await source.step();
    expect(await b).toBeUndefined();
    await pages.reading;
    expect(errors).toEqual([expect.objectContaining({ code: 'STORAGE_UNAVAILABLE' })]);
  });
});
