import type { FollowUpAnswers } from '@soestainable/shared/domain/followUp';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { FollowUpAnswersRepository } from '@soestainable/bot/storage/repositories/followUpAnswers';
import { useTestTables } from '../../helpers/storage';

function answers(over: Partial<FollowUpAnswers> = {}): FollowUpAnswers {
  return {
    userId: 'u1',
    campaignId: 'c1',
    wave: 1,
    answers: [
      { challengeId: 'dag01-eigen-beker', kept: 'ja' },
      { challengeId: 'dag02-fiets-lopen-ov', kept: 'nee', holdsBack: 'Geen stalling' },
    ],
    answeredAt: '2026-12-28T08:30:00.000Z',
    ...over,
  };
}

describe('FollowUpAnswersRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: FollowUpAnswersRepository;

  beforeAll(() => {
    repo = new FollowUpAnswersRepository(tables.store('FollowUpAnswers'));
  });

  it('round-trips one wave\'s answers (RowKey campaignId|w<wave>) and refuses a second answer to the same wave', async () => {
    await repo.create(answers());
    expect(await repo.get('u1', 'c1', 1)).toEqual(answers());
    expect(await repo.get('u1', 'c1', 2)).toBeUndefined();
    await expect(repo.create(answers({ answers: [{ challengeId: 'dag01-eigen-beker', kept: 'nee' }] }))).rejects.toMatchObject({ code: 'STORAGE_CONFLICT', reason: 'exists' });
    expect(await repo.get('u1', 'c1', 1)).toEqual(answers());
    const row = await tables.client('FollowUpAnswers').getEntity(encodeKeyPart('u1'), 'c1|w1');
    expect(row['answeredAt']).toBe('2026-12-28T08:30:00.000Z');
  });

  it.each<[Partial<FollowUpAnswers>, string]>([
    [{ answers: [] }, 'no answer'],
    [{ answers: [1, 2, 3, 4].map((i) => ({ challengeId: `c${i}`, kept: 'ja' as const })) }, 'four answers'],
    [{ answers: [{ challengeId: 'a', kept: 'ja' }, { challengeId: 'a', kept: 'nee' }] }, 'a habit twice'],
    [{ answers: [{ challengeId: 'a', kept: 'misschien' as 'ja' }] }, 'an unknown answer'],
    [{ answers: [{ challengeId: 'a', kept: 'nee', holdsBack: 'x'.repeat(501) }] }, 'a text over 500 characters'],
    [{ wave: 0 }, 'wave 0'],
    [{ userId: '' }, 'no user'],
  ])('refuses %j (%s) and stores nothing', async (over) => {
    await expect(repo.create(answers({ userId: 'u-bad', ...over }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.listAll('u-bad')).toEqual([]);
  });

  it('counts and deletes one campaign (retention, c1 but not c10) and everything (erasure)', async () => {
    for (const [campaignId, wave] of [['c1', 1], ['c1', 2], ['c10', 1]] as const) await repo.create(answers({ userId: 'u2', campaignId, wave }));
    expect(await repo.countForCampaign('u2', 'c1')).toBe(2);
    expect(await repo.deleteCampaign('u2', 'c1')).toBe(2);
    expect(await repo.deleteCampaign('u2', 'c1')).toBe(0);
    expect((await repo.listAll('u2')).map((a) => a.campaignId)).toEqual(['c10']);
    expect(await repo.deleteAll('u2')).toBe(1);
    expect(await repo.listAll('u2')).toEqual([]);
  });

  it('a row that does not parse is STORAGE_DATA_INVALID, never half-read answers', async () => {
    await tables.client('FollowUpAnswers').upsertEntity({ partitionKey: encodeKeyPart('u3'), rowKey: 'c1|w1', answers: '[{"challengeId":"a","kept":"wellicht"}]', answeredAt: 'x' });
    await expect(repo.get('u3', 'c1', 1)).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await tables.client('FollowUpAnswers').upsertEntity({ partitionKey: encodeKeyPart('u3'), rowKey: 'c1|x9', answers: '[{"challengeId":"a","kept":"ja"}]', answeredAt: 'x' });
    await expect(repo.listAll('u3')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
