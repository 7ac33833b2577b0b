import type { ConversationOwner } from '@soestainable/shared/domain/conversation';
import { ConversationRefsRepository, ownerPartitionKey } from '@soestainable/bot/storage/repositories/conversationRefs';
import { useTestTables } from '../../helpers/storage';

const reference = {
  activityId: 'a1',
  user: { id: '29:1abc', aadObjectId: '00000000-0000-0000-0000-000000000001' },
  bot: { id: '28:bot', name: 'Soestainable' },
  conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: 'tenant' },
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
};

describe('ConversationRefsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: ConversationRefsRepository;
  let clock = new Date('2026-05-11T08:00:00.000Z');
  const user = (userId: string): ConversationOwner => ({ kind: 'user', userId });
  const team = (teamId: string): ConversationOwner => ({ kind: 'team', teamId });

  beforeAll(() => {
    repo = new ConversationRefsRepository(tables.store('ConversationRefs'), () => clock);
  });

  it('says "new" to exactly one of two events of one install arriving together, and not again', async () => {
    const ref = { conversation: { id: 'conv-new' } };
    const both = await Promise.all([repo.saveIfNew(user('twice'), 'personal', ref), repo.saveIfNew(user('twice'), 'personal', ref)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await repo.saveIfNew(user('twice'), 'personal', ref)).toBe(false);
    expect(await repo.saveIfNew(user('twice'), 'personal', { conversation: { id: 'conv-other' } })).toBe(true);
    await repo.markInactive(user('twice'), 'personal');
    const again = await Promise.all([repo.saveIfNew(user('twice'), 'personal', ref), repo.saveIfNew(user('twice'), 'personal', ref)]);
    expect(again.filter(Boolean)).toHaveLength(1);
    expect((await repo.get(user('twice'), 'personal'))?.active).toBe(true);
  });

  it('round-trips a personal and a channel reference', async () => {
    await repo.save(user('u1'), 'personal', reference);
    await repo.save(team('19:team@thread.tacv2'), 'channel', { ...reference, conversation: { id: '19:chan' } }, true);
    expect(await repo.get(user('u1'), 'personal')).toEqual({
      owner: user('u1'), scope: 'personal', reference, active: true, updatedAt: '2026-05-11T08:00:00.000Z',
    });
    expect((await repo.get(team('19:team@thread.tacv2'), 'channel'))?.reference).toEqual({
      ...reference, conversation: { id: '19:chan' },
    });
  });

  it('answers undefined / false for missing references', async () => {
    expect(await repo.get(user('nobody'), 'personal')).toBeUndefined();
    expect(await repo.markInactive(user('nobody'), 'personal')).toBe(false);
    expect(await repo.remove(user('nobody'), 'personal')).toBe(false);
  });

  it('marks a reference inactive, and a new save makes it active again', async () => {
    await repo.save(user('u2'), 'personal', reference);
    clock = new Date('2026-05-12T09:00:00.000Z');
    expect(await repo.markInactive(user('u2'), 'personal')).toBe(true);
    const inactive = await repo.get(user('u2'), 'personal');
    expect(inactive).toMatchObject({ active: false, updatedAt: '2026-05-12T09:00:00.000Z', reference });
    expect(await repo.markInactive(user('u2'), 'personal')).toBe(true);
    await repo.save(user('u2'), 'personal', reference);
    expect((await repo.get(user('u2'), 'personal'))?.active).toBe(true);
  });

  it('keeps a user and a team with the same id apart, lists and deletes one owner', async () => {
    await repo.save(user('same'), 'personal', { who: 'user' });
    await repo.save(team('same'), 'channel', { who: 'team' });
    expect(ownerPartitionKey(user('same'))).not.toBe(ownerPartitionKey(team('same')));
    expect(ownerPartitionKey(user('team|same'))).not.toBe(ownerPartitionKey(team('same')));
    expect((await repo.listAll(user('same'))).map((r) => r.reference)).toEqual([{ who: 'user' }]);
    expect((await repo.listAll(team('same'))).map((r) => r.owner)).toEqual([team('same')]);
    expect(await repo.deleteAll(user('same'))).toBe(1);
    expect(await repo.listAll(user('same'))).toEqual([]);
    expect(await repo.get(team('same'), 'channel')).toBeDefined();
    expect(await repo.remove(team('same'), 'channel')).toBe(true);
  });

  it('stores up to 32 KiB of JSON and refuses more, or what is not JSON', async () => {
    const fits = { pad: 'x'.repeat(32 * 1024 - 10) }; // {"pad":"…"} = 10 bytes of JSON around the text
    await repo.save(user('big'), 'personal', fits);
    expect((await repo.get(user('big'), 'personal'))?.reference).toEqual(fits);
    await expect(repo.save(user('big'), 'personal', { pad: 'x'.repeat(32 * 1024 - 9) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    // multi-byte characters count as the bytes they take
    await expect(repo.save(user('big'), 'personal', { pad: 'é'.repeat(17_000) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(repo.save(user('big'), 'personal', cyclic)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save(user('big'), 'personal', { n: 1n })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save(user('big'), 'personal', undefined)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await repo.get(user('big'), 'personal'))?.reference).toEqual(fits);
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const odd = 'a/b\\c#d?e%f|g\u0001';
    await repo.save(user(odd), 'personal', reference);
    await repo.save(team(odd), 'channel', reference);
    expect((await repo.get(user(odd), 'personal'))?.owner).toEqual(user(odd));
    expect((await repo.get(team(odd), 'channel'))?.owner).toEqual(team(odd));
    expect(await repo.deleteAll(user(odd))).toBe(1);
    expect(await repo.deleteAll(team(odd))).toBe(1);
  });

  it('reports a corrupted row as STORAGE_DATA_INVALID', async () => {
    const client = tables.client('ConversationRefs');
    await client.upsertEntity({ partitionKey: 'broken', rowKey: 'personal', reference: '{"cut off', active: true, updatedAt: 'x' });
    await expect(repo.get(user('broken'), 'personal')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity({ partitionKey: 'broken', rowKey: 'personal', reference: '{}', active: 'yes', updatedAt: 'x' });
    await expect(repo.get(user('broken'), 'personal')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
