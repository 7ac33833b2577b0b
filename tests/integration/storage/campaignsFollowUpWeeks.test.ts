import type { Campaign } from '@soestainable/shared/domain/campaign';
import { CampaignsRepository } from '@soestainable/bot/storage/repositories/campaigns';
import { useTestTables } from '../../helpers/storage';

/** A campaign's own follow-up weeks (issue 15) in `Campaigns`: an optional JSON column, checked on write and on read. */

function campaign(over: Partial<Campaign> = {}): Campaign {
  return {
    orgId: 'soest',
    campaignId: 'voorjaar-2026',
    name: { nl: 'Soestainable voorjaar', en: 'Soestainable spring' },
    startDate: '2026-05-11',
    endDate: '2026-05-22',
    dayPlan: ['dag01-eigen-beker', 'dag02-fiets-lopen-ov'],
    closingDays: [],
    status: 'active',
    demo: false,
    ...over,
  };
}

describe('CampaignsRepository: follow-up weeks (Azurite)', () => {
  const tables = useTestTables();
  let repo: CampaignsRepository;

  beforeAll(() => {
    repo = new CampaignsRepository(tables.store('Campaigns'));
  });

  it('round-trips the setting, and a row without the column (before issue 15) has none', async () => {
    const own = campaign({ campaignId: 'eigen', followUpWeeks: [1, 5, 9, 26] });
    await repo.save(own);
    expect((await repo.get('soest', 'eigen'))?.value).toEqual(own);
    expect((await tables.client('Campaigns').getEntity('soest', 'eigen'))['followUpWeeks']).toBe('[1,5,9,26]');
    await repo.save(campaign({ campaignId: 'standaard' }));
    const plain = (await repo.get('soest', 'standaard'))?.value;
    expect(plain).toEqual(campaign({ campaignId: 'standaard' }));
    expect(plain).not.toHaveProperty('followUpWeeks');
  });

  it.each([[[6, 2]], [[]], [[0]], [[2, 53]], [[1, 2, 3, 4, 5]], [[2.5]]])('refuses to store %j and writes nothing', async (weeks) => {
    await expect(repo.save(campaign({ campaignId: 'fout', followUpWeeks: weeks }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.get('soest', 'fout')).toBeUndefined();
  });

  it('reports a stored setting that is not a valid one as STORAGE_DATA_INVALID; the jobs skip only that campaign', async () => {
    const good = campaign({ orgId: 'kapot', campaignId: 'goed' });
    await repo.save(good);
    await tables.client('Campaigns').upsertEntity({
      partitionKey: 'kapot',
      rowKey: 'slecht',
      name: '{"nl":"a","en":"b"}',
      startDate: '2026-05-11',
      endDate: '2026-05-22',
      dayPlan: '["dag01-eigen-beker"]',
      closingDays: '[]',
      status: 'active',
      demo: false,
      followUpWeeks: '[12,6]',
    });
    await expect(repo.get('kapot', 'slecht')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    expect(await repo.listReadable('kapot')).toEqual({ campaigns: [good], unreadable: ['slecht'] });
  });
});
