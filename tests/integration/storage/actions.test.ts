import type { TableClient } from '@azure/data-tables';
import { ActionsRepository, type NewAction } from '@soestainable/bot/storage/repositories/actions';
import { ConflictError } from '@soestainable/bot/errors';
import { expectCode, useTestTables } from '../../helpers/storage';

describe('ActionsRepository (Azurite)', () => {
  const tables = useTestTables();
  let actionsClient: TableClient;
  let repo: ActionsRepository;

  beforeAll(() => {
    actionsClient = tables.client('Actions');
    repo = new ActionsRepository(tables.store('Actions'), tables.store('ActionUpdates'));
  });

  const input = (orgId: string, extra: Partial<NewAction> = {}): NewAction => ({
    orgId,
    title: { nl: 'Statiegeld-bekers in de kantine', en: 'Deposit cups in the canteen' },
    description: { nl: 'Wegwerpbekers eruit.', en: '' },
    theme: 'circulariteit',
    dimension: 'uitvoering',
    owner: 'Facilitair teamleider',
    ...extra,
  });

  it('round-trips an action and starts its timeline with a created note', async () => {
    const { action, etag } = await repo.create(input('rt', { dueDate: '2026-12-31', ownerUserId: 'u-owner', barrierIds: ['b1', 'b1', 'b2'] }), 'coord-1');
    expect(action).toEqual({
      orgId: 'rt', actionId: action.actionId,
      title: { nl: 'Statiegeld-bekers in de kantine', en: 'Deposit cups in the canteen' },
      description: { nl: 'Wegwerpbekers eruit.', en: '' },
      theme: 'circulariteit', dimension: 'uitvoering', status: 'idee', owner: 'Facilitair teamleider', ownerUserId: 'u-owner',
      dueDate: '2026-12-31', barrierIds: ['b1', 'b2'], createdAt: action.createdAt, updatedAt: action.createdAt, demo: false,
    });
    expect(await repo.get('rt', action.actionId)).toEqual({ action, etag });
    expect(await repo.list('rt')).toEqual([{ action, etag }]);
    expect(await repo.timeline(action.actionId)).toEqual([
      { actionId: action.actionId, updateId: expect.any(String) as unknown, at: action.createdAt, author: 'coord-1', kind: 'note', text: 'created' },
    ]);
  });

  it('answers undefined / NOT_FOUND for a missing action', async () => {
    expect(await repo.get('rt', 'nope')).toBeUndefined();
    expect(await repo.timeline('nope')).toEqual([]);
    await expect(repo.update('rt', 'nope', '*', { owner: 'x' }, 'c')).rejects.toEqual(expectCode('NOT_FOUND'));
    await expect(repo.linkBarriers('rt', 'nope', ['b'], 'c')).rejects.toEqual(expectCode('NOT_FOUND'));
    await expect(repo.addNote('rt', 'nope', 'hallo', 'c')).rejects.toEqual(expectCode('NOT_FOUND'));
  });

  it('updates against the version the editor saw; a stale etag is ConflictError(changed)', async () => {
    const { action, etag } = await repo.create(input('upd'), 'coord-1');
    const first = await repo.update('upd', action.actionId, etag, { owner: 'Inkoper', dueDate: '2027-01-15' }, 'coord-1');
    expect(first.action).toMatchObject({ owner: 'Inkoper', dueDate: '2027-01-15', status: 'idee' });
    expect(first.etag).not.toBe(etag);

    const stale = repo.update('upd', action.actionId, etag, { owner: 'Iemand anders' }, 'coord-2');
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ reason: 'changed' });
    expect((await repo.get('upd', action.actionId))?.action.owner).toBe('Inkoper');

    // null clears an optional field: the property leaves the row.
    const cleared = await repo.update('upd', action.actionId, first.etag, { dueDate: null, ownerUserId: null }, 'coord-1');
    expect(cleared.action.dueDate).toBeUndefined();
    expect(Object.keys(await actionsClient.getEntity('upd', action.actionId))).not.toContain('dueDate');
    // Only changes to status reach the timeline.
    expect((await repo.timeline(action.actionId)).map((u) => u.kind)).toEqual(['note']);
  });

  it('records status changes with from/to and refuses transitions the programme does not allow', async () => {
    const { action, etag } = await repo.create(input('status'), 'coord-1');
    const planned = await repo.update('status', action.actionId, etag, { status: 'gepland' }, 'coord-1');
    const done = await repo.update('status', action.actionId, planned.etag, { status: 'gerealiseerd' }, 'owner-1');
    await expect(repo.update('status', action.actionId, done.etag, { status: 'idee' }, 'coord-1')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    const parked = await repo.update('status', action.actionId, done.etag, { status: 'geparkeerd' }, 'coord-1');
    const back = await repo.update('status', action.actionId, parked.etag, { status: 'idee', title: { nl: 'Nieuw', en: 'New' } }, 'coord-1');
    expect(back.action).toMatchObject({ status: 'idee', title: { nl: 'Nieuw', en: 'New' } });
    // The same status again is no transition and writes no timeline entry.
    await repo.update('status', action.actionId, back.etag, { status: 'idee' }, 'coord-1');

    const timeline = await repo.timeline(action.actionId);
    expect(timeline.map((u) => [u.kind, u.fromStatus, u.toStatus, u.author])).toEqual([
      ['note', undefined, undefined, 'coord-1'],
      ['status', 'idee', 'gepland', 'coord-1'],
      ['status', 'gepland', 'gerealiseerd', 'owner-1'],
      ['status', 'gerealiseerd', 'geparkeerd', 'coord-1'],
      ['status', 'geparkeerd', 'idee', 'coord-1'],
    ]);
  });

  it('validates before writing anything', async () => {
    await expect(repo.create(input('val', { title: { nl: 'x'.repeat(201), en: '' } }), 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create(input('val', { title: { nl: '  ', en: 'only English' } }), 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create(input('val', { owner: '' }), 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create(input('val', { dueDate: '2026-02-30' }), 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create(input('val', { dimension: 'finance' as never }), 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create(input('val'), '')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect(await repo.list('val')).toEqual([]);

    const { action, etag } = await repo.create(input('val'), 'c');
    await expect(repo.update('val', action.actionId, etag, { description: { nl: 'x'.repeat(4001), en: '' } }, 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.addNote('val', action.actionId, 'x'.repeat(2001), 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect((await repo.get('val', action.actionId))?.etag).toBe(etag);
    expect(await repo.timeline(action.actionId)).toHaveLength(1);
  });

  it('links barriers once each, also when links arrive at the same time, and notes them on the timeline', async () => {
    const { action } = await repo.create(input('link', { barrierIds: ['b0'] }), 'coord-1');
    const linked = await repo.linkBarriers('link', action.actionId, ['b1', 'b0', 'b1'], 'coord-1');
    expect(linked.action.barrierIds).toEqual(['b0', 'b1']);
    const again = await repo.linkBarriers('link', action.actionId, ['b1'], 'coord-1');
    expect(again).toEqual(linked);

    await Promise.all(['b2', 'b3', 'b4', 'b5'].map((id) => repo.linkBarriers('link', action.actionId, [id], 'coord-2')));
    expect([...((await repo.get('link', action.actionId))?.action.barrierIds ?? [])].sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);

    const note = await repo.addNote('link', action.actionId, { nl: 'Leverancier gebeld', en: 'Called the supplier' }, 'owner-1');
    const timeline = await repo.timeline(action.actionId);
    expect(timeline.filter((u) => u.kind === 'link').map((u) => u.text).sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(timeline[timeline.length - 1]).toEqual(note);
    expect(note.text).toEqual({ nl: 'Leverancier gebeld', en: 'Called the supplier' });
    await expect(repo.linkBarriers('link', action.actionId, [], 'c')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
  });

  it('stores organisation ids with forbidden key characters, and refuses corrupted rows', async () => {
    const orgId = "o/r\\g#?%|'";
    const { action } = await repo.create(input(orgId), 'c');
    expect((await repo.get(orgId, action.actionId))?.action.orgId).toBe(orgId);
    expect(await repo.list(orgId)).toHaveLength(1);

    const good = await repo.create(input('bad'), 'c');
    await actionsClient.updateEntity({ partitionKey: 'bad', rowKey: good.action.actionId, title: '{not json' }, 'Merge');
    await expect(repo.list('bad')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });
});
