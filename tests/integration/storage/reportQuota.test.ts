import type { TableClient } from '@azure/data-tables';
import { CELLS_PER_PERSON, QUOTA_CELLS, ReportQuotaRepository } from '@soestainable/bot/storage/repositories/reportQuota';
import { expectCode, rawRows, useTestTables } from '../../helpers/storage';

describe('ReportQuotaRepository (Azurite)', () => {
  const tables = useTestTables();
  let client: TableClient;
  let repo: ReportQuotaRepository;

  beforeAll(() => {
    client = tables.client('ReportQuota');
    repo = new ReportQuotaRepository(tables.store('ReportQuota'));
  });

  const DAY = '2026-12-02';

  it('takes up to the limit, then refuses and writes nothing; giving back makes room again', async () => {
    for (let i = 0; i < 10; i++) expect(await repo.take('limit', DAY, 'aad-a', 1, 10)).toBe(true);
    const before = await rawRows(client);
    expect(await repo.take('limit', DAY, 'aad-a', 1, 10)).toBe(false);
    expect(await rawRows(client)).toEqual(before);
    expect(await repo.count('limit', DAY, 'aad-a')).toBe(10);
    await repo.giveBack('limit', DAY, 'aad-a', 2);
    expect(await repo.count('limit', DAY, 'aad-a')).toBe(8);
    // Two at once (a check-in's barrier and idea) only when both fit.
    expect(await repo.take('limit', DAY, 'aad-a', 3, 10)).toBe(false);
    expect(await repo.take('limit', DAY, 'aad-a', 2, 10)).toBe(true);
    expect(await repo.count('limit', DAY, 'aad-a')).toBe(10);
  });

  it('counts each person on their own, and each day on its own', async () => {
    expect(await repo.take('own', DAY, 'aad-b', 10, 10)).toBe(true);
    expect(await repo.take('own', DAY, 'aad-b', 1, 10)).toBe(false);
    expect(await repo.take('own', DAY, 'aad-c', 1, 10)).toBe(true);
    expect(await repo.take('own', '2026-12-03', 'aad-b', 1, 10)).toBe(true);
    expect(await repo.count('own', '2026-12-03', 'aad-b')).toBe(1);
  });

  it('keeps one row per organisation and day, and the first report of a day removes the earlier days', async () => {
    await repo.take('days', '2026-12-01', 'aad-d', 1, 10);
    await repo.take('days', '2026-12-01', 'aad-e', 1, 10);
    expect((await rawRows(client)).filter((r) => r['partitionKey'] === 'days').map((r) => r['rowKey'])).toEqual(['2026-12-01']);
    await repo.take('days', DAY, 'aad-d', 1, 10);
    expect((await rawRows(client)).filter((r) => r['partitionKey'] === 'days').map((r) => r['rowKey'])).toEqual([DAY]);
    expect(await repo.count('days', '2026-12-01', 'aad-d')).toBe(0);
  });

  it('holds no user id, no report id and no row per person: only a salt and the sketch\'s cells', async () => {
    await repo.take('privacy', DAY, 'aad-secret-person', 3, 10);
    const [row, ...others] = (await rawRows(client)).filter((r) => r['partitionKey'] === 'privacy');
    expect(others).toEqual([]);
    expect(Object.keys(row ?? {}).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k)).sort()).toEqual(['cells', 'salt']);
    expect(JSON.stringify(row)).not.toContain('aad-secret-person');
    const cells = Buffer.from(String(row?.['cells']), 'base64');
    expect(cells).toHaveLength(QUOTA_CELLS);
    // Only a handful of cells moved, none of them holding anything but the count.
    expect([...cells].filter((c) => c !== 0).length).toBeLessThanOrEqual(CELLS_PER_PERSON);
    expect(new Set([...cells].filter((c) => c !== 0))).toEqual(new Set([3]));
  });

  it('lets two instances (two repositories on one table) agree: 40 reports at once from one person, exactly 10 taken', async () => {
    const other = new ReportQuotaRepository(tables.store('ReportQuota'));
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? repo : other).take('burst', DAY, 'aad-burst', 1, 10)));
    const taken = results.filter((r) => r.status === 'fulfilled' && r.value).length;
    // A take that kept meeting other writers gives up with STORAGE_CONFLICT ("busy"): refused, nothing taken.
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toEqual(expectCode('STORAGE_CONFLICT'));
    expect(taken).toBe(10);
    expect(await repo.count('burst', DAY, 'aad-burst')).toBe(10);
  });

  it('a morning peak of many people at once on two instances: every report that fits is taken, none answered busy', async () => {
    // Every report of the organisation meets on one row a day; before the instances combined their writes, 32
    // concurrent writers exhausted the ETag retries and refused check-ins as "busy".
    const other = new ReportQuotaRepository(tables.store('ReportQuota'));
    const people = Array.from({ length: 120 }, (_, i) => `aad-peak-${i}`);
    const taken = await Promise.all(people.map((userId, i) => (i % 2 === 0 ? repo : other).take('peak', DAY, userId, 1, 10)));
    expect(taken.every((t) => t)).toBe(true);
    for (const userId of people.slice(0, 5)) expect(await repo.count('peak', DAY, userId)).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input before anything is written', async () => {
    await expect(repo.take('', DAY, 'aad-f', 1, 10)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.take('bad', '2026-02-30', 'aad-f', 1, 10)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.take('bad', DAY, 'aad-f', -1, 10)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect((await rawRows(client)).filter((r) => r['partitionKey'] === 'bad')).toEqual([]);
  });

  it('refuses a row it cannot read instead of starting a fresh count over it', async () => {
    await client.upsertEntity({ partitionKey: 'broken', rowKey: DAY, salt: 'AAAA', cells: 'AAAA' });
    await expect(repo.take('broken', DAY, 'aad-g', 1, 10)).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });
});
