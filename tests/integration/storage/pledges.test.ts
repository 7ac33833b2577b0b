import type { Pledge } from '@soestainable/shared/domain/followUp';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { PledgesRepository } from '@soestainable/bot/storage/repositories/pledges';
import { useTestTables } from '../../helpers/storage';

function pledge(over: Partial<Pledge> = {}): Pledge {
  return {
    userId: 'u1',
    campaignId: 'c1',
    challengeIds: ['dag01-eigen-beker', 'dag02-fiets-lopen-ov'],
    help: 'Een kraan bij de lift',
    createdAt: '2026-12-11T10:00:00.000Z',
    updatedAt: '2026-12-11T10:00:00.000Z',
    ...over,
  };
}

describe('PledgesRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: PledgesRepository;

  beforeAll(() => {
    repo = new PledgesRepository(tables.store('Pledges'));
  });

  it('round-trips a pledge, replaces it, and leaves out an empty "what would help"', async () => {
    await repo.save(pledge());
    expect(await repo.get('u1', 'c1')).toEqual(pledge());
    const { help: _help, ...withoutHelp } = pledge({ challengeIds: ['dag03-lunch-zonder-verpakking'], updatedAt: '2026-12-12T10:00:00.000Z' });
    await repo.save(withoutHelp);
    expect(await repo.get('u1', 'c1')).toEqual(withoutHelp);
    expect(await repo.get('u1', 'c-none')).toBeUndefined();
  });

  it.each<[Partial<Pledge>, string]>([
    [{ challengeIds: [] }, 'no habit'],
    [{ challengeIds: ['a', 'b', 'c', 'd'] }, 'four habits'],
    [{ challengeIds: ['a', 'a'] }, 'a habit twice'],
    [{ help: 'x'.repeat(501) }, 'a text over 500 characters'],
    [{ userId: '' }, 'no user'],
  ])('refuses %j (%s) and stores nothing', async (over) => {
    await expect(repo.save(pledge({ userId: 'u-bad', ...over }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.listAll('u-bad')).toEqual([]);
  });

  it('counts, deletes one campaign (retention) and everything (erasure)', async () => {
    await repo.save(pledge({ userId: 'u2', campaignId: 'c1' }));
    await repo.save(pledge({ userId: 'u2', campaignId: 'c2' }));
    expect(await repo.countForCampaign('u2', 'c1')).toBe(1);
    expect(await repo.deleteCampaign('u2', 'c1')).toBe(1);
    expect(await repo.deleteCampaign('u2', 'c1')).toBe(0);
    expect((await repo.listAll('u2')).map((p) => p.campaignId)).toEqual(['c2']);
    expect(await repo.deleteAll('u2')).toBe(1);
    expect(await repo.listAll('u2')).toEqual([]);
  });

  it('a row that does not parse is STORAGE_DATA_INVALID, never a half-read pledge', async () => {
    await tables.client('Pledges').upsertEntity({ partitionKey: encodeKeyPart('u3'), rowKey: 'c1', challengeIds: '["a","b","c","d"]', help: '', createdAt: 'x', updatedAt: 'x' });
    await expect(repo.get('u3', 'c1')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
