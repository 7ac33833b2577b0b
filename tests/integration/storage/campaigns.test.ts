import type { Campaign } from '@soestainable/shared/domain/campaign';
import { ConflictError } from '@soestainable/bot/errors';
import { CampaignsRepository } from '@soestainable/bot/storage/repositories/campaigns';
import { useTestTables } from '../../helpers/storage';

function campaign(over: Partial<Campaign> = {}): Campaign {
  return {
    orgId: 'soest',
    campaignId: 'voorjaar-2026',
    name: { nl: 'Soestainable voorjaar', en: 'Soestainable spring' },
    startDate: '2026-05-11',
    endDate: '2026-05-22',
    dayPlan: ['dag01-eigen-beker', 'dag02-fiets-lopen-ov'],
    closingDays: ['2026-05-15'],
    status: 'active',
    demo: false,
    ...over,
  };
}

describe('CampaignsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: CampaignsRepository;

  beforeAll(() => {
    repo = new CampaignsRepository(tables.store('Campaigns'));
  });

  it('round-trips a campaign with its etag and lists the organisation by start date', async () => {
    const spring = campaign();
    const etag = await repo.save(spring, null);
    expect(await repo.get('soest', 'voorjaar-2026')).toEqual({ value: spring, etag });
    await repo.save(campaign({ campaignId: 'najaar-2026', startDate: '2026-10-05', endDate: '2026-10-16', status: 'draft' }));
    await repo.save(campaign({ campaignId: 'pilot', startDate: '2026-03-02', endDate: '2026-03-13', status: 'ended' }));
    await repo.save(campaign({ orgId: 'elders', campaignId: 'x' }));
    expect((await repo.list('soest')).map((c) => c.campaignId)).toEqual(['pilot', 'voorjaar-2026', 'najaar-2026']);
  });

  it('answers undefined for a missing campaign', async () => {
    expect(await repo.get('soest', 'nope')).toBeUndefined();
    expect(await repo.remove('soest', 'nope')).toBe(false);
  });

  it('finds the active campaign whose dates include today', async () => {
    expect((await repo.active('soest', '2026-05-11'))?.campaignId).toBe('voorjaar-2026');
    expect((await repo.active('soest', '2026-05-22'))?.campaignId).toBe('voorjaar-2026');
    expect(await repo.active('soest', '2026-05-23')).toBeUndefined(); // after the end
    expect(await repo.active('soest', '2026-03-05')).toBeUndefined(); // ended
    expect(await repo.active('soest', '2026-10-06')).toBeUndefined(); // draft
    expect(await repo.active('nobody', '2026-05-12')).toBeUndefined();
  });

  it('refuses a second create and a write over a stale etag', async () => {
    const err: unknown = await repo.save(campaign(), null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).reason).toBe('exists');

    const read = await repo.get('soest', 'voorjaar-2026');
    if (!read) throw new Error('missing');
    const newEtag = await repo.save({ ...read.value, status: 'ended' }, read.etag);
    expect(newEtag).not.toBe(read.etag);
    await expect(repo.save({ ...read.value, demo: true }, read.etag)).rejects.toMatchObject({ reason: 'changed', code: 'STORAGE_CONFLICT' });
    expect((await repo.get('soest', 'voorjaar-2026'))?.value.status).toBe('ended');
    await expect(repo.remove('soest', 'voorjaar-2026', read.etag)).rejects.toBeInstanceOf(ConflictError);
    await expect(repo.save(campaign({ campaignId: 'gone' }), newEtag)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(repo.save(campaign(), '*')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('validates before writing', async () => {
    await expect(repo.save(campaign({ campaignId: 'v', startDate: '2026-06-01', endDate: '2026-05-01' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(repo.save(campaign({ campaignId: 'v', closingDays: ['15-05-2026'] }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save(campaign({ campaignId: 'v', name: { nl: '', en: 'x' } }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await repo.get('soest', 'v')).toBeUndefined();
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const c = campaign({ orgId: 'org/\\#?', campaignId: 'c|1%\u0003/x' });
    await repo.save(c);
    expect((await repo.get(c.orgId, c.campaignId))?.value).toEqual(c);
    expect(await repo.list(c.orgId)).toEqual([c]);
    expect(await repo.remove(c.orgId, c.campaignId)).toBe(true);
  });

  it('reports a corrupted row as STORAGE_DATA_INVALID', async () => {
    await tables.client('Campaigns').upsertEntity({
      partitionKey: 'broken', rowKey: 'c', name: '{"nl":"a","en":"b"}', startDate: '2026-05-11', endDate: '2026-05-22',
      dayPlan: '["a",', closingDays: '[]', status: 'active', demo: false,
    });
    await expect(repo.get('broken', 'c')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await expect(repo.active('broken', '2026-05-12')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });

  it('listReadable: the campaigns that parse, and the ids of the rows that do not, instead of failing the organisation', async () => {
    await repo.save(campaign({ orgId: 'mixed', campaignId: 'c-goed-2', startDate: '2026-06-01', endDate: '2026-06-12' }));
    await repo.save(campaign({ orgId: 'mixed', campaignId: 'c-goed-1' }));
    const bad = { name: '{"nl":"a","en":"b"}', startDate: '2026-05-11', endDate: '2026-05-22', dayPlan: '[]', closingDays: '[]', status: 'active', demo: false };
    await tables.client('Campaigns').upsertEntity({ partitionKey: 'mixed', rowKey: 'c-kapot%2Fjson', ...bad, dayPlan: '["a",' });
    await tables.client('Campaigns').upsertEntity({ partitionKey: 'mixed', rowKey: 'c-datum', ...bad, startDate: '2026-13-45' });
    await expect(repo.list('mixed')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    const readable = await repo.listReadable('mixed');
    expect(readable.campaigns.map((c) => c.campaignId)).toEqual(['c-goed-1', 'c-goed-2']);
    expect(readable.unreadable).toEqual(['c-datum', 'c-kapot/json']);
    expect(await repo.listReadable('nobody')).toEqual({ campaigns: [], unreadable: [] });
  });

  it('listReadable serves the same short-lived cache as list, dropped by a write', async () => {
    const cached = new CampaignsRepository(tables.store('Campaigns'), 60_000);
    await cached.save(campaign({ orgId: 'cached', campaignId: 'c-1' }));
    expect((await cached.listReadable('cached')).campaigns).toHaveLength(1);
    await tables.client('Campaigns').upsertEntity({ partitionKey: 'cached', rowKey: 'c-bad', name: 'x' });
    // Still the cached partition (the planted row bypassed the repository) …
    expect(await cached.listReadable('cached')).toMatchObject({ unreadable: [] });
    // … until a write through the repository drops it.
    await cached.save(campaign({ orgId: 'cached', campaignId: 'c-2' }));
    expect(await cached.listReadable('cached')).toMatchObject({ unreadable: ['c-bad'] });
    expect((await cached.listReadable('cached')).campaigns.map((c) => c.campaignId)).toEqual(['c-1', 'c-2']);
  });
});
