import type { TableClient } from '@azure/data-tables';
import { AuditLogRepository } from '@soestainable/bot/storage/repositories/auditLog';
import { expectCode, useTestTables } from '../../helpers/storage';

describe('AuditLogRepository (Azurite)', () => {
  const tables = useTestTables();
  let client: TableClient;
  let repo: AuditLogRepository;

  beforeAll(() => {
    client = tables.client('AuditLog');
    repo = new AuditLogRepository(tables.store('AuditLog'));
  });

  it('appends entries and lists a month newest first, with details as they were given', async () => {
    const a = await repo.append({ orgId: 'soest', at: '2026-12-01T09:00:00.000Z', actor: 'coord-1', action: 'action.create', target: 'act-1' });
    const b = await repo.append({
      orgId: 'soest', at: '2026-12-02T09:00:00.000Z', actor: 'coord-1', action: 'barrier.link', target: 'bar-1',
      details: { actionId: 'act-1', count: 2, demo: false },
    });
    const c = await repo.append({ orgId: 'soest', at: '2026-12-03T09:00:00.000Z', actor: 'coord-2', action: 'barrier.dismiss', target: 'bar-2', details: { reason: 'buiten scope' } });
    expect(b).toEqual({ orgId: 'soest', at: '2026-12-02T09:00:00.000Z', actor: 'coord-1', action: 'barrier.link', target: 'bar-1', details: { actionId: 'act-1', count: 2, demo: false } });
    expect(await repo.list('soest', '2026-12')).toEqual([c, b, a]);
    expect(await repo.list('soest', '2026-12', 2)).toEqual([c, b]);
    expect(await repo.list('soest', '2026-11')).toEqual([]);
    expect(await repo.list('elsewhere', '2026-12')).toEqual([]);
  });

  it('files an entry under the month as lived in Soest (Europe/Amsterdam)', async () => {
    const e = await repo.append({ orgId: 'tz', at: '2026-01-31T23:30:00Z', actor: 'c', action: 'campaign.start', target: 'c1' });
    expect(await repo.list('tz', '2026-02')).toEqual([e]);
    expect(await repo.list('tz', '2026-01')).toEqual([]);
  });

  it('stamps entries with the clock when no time is given', async () => {
    const clocked = new AuditLogRepository(tables.store('AuditLog'), () => new Date('2026-06-15T10:00:00Z'));
    const e = await clocked.append({ orgId: 'clock', actor: 'c', action: 'action.update', target: 'a' });
    expect(e.at).toBe('2026-06-15T10:00:00.000Z');
    expect(await clocked.list('clock', '2026-06')).toEqual([e]);
  });

  it('validates before writing', async () => {
    const ok = { orgId: 'val', actor: 'c', action: 'action.create', target: 't' };
    await expect(repo.append({ ...ok, action: 'Deleted everything!' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.append({ ...ok, actor: '' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.append({ ...ok, at: 'yesterday' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.append({ ...ok, details: { text: 'x'.repeat(201) } })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.append({ ...ok, details: { nested: { a: 1 } as never } })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.append({ ...ok, details: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.list('val', '2026-13')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.list('val', "2026-12' or PartitionKey ne '")).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    let rows = 0;
    for await (const _ of client.listEntities({ queryOptions: { filter: "PartitionKey ge 'val' and PartitionKey lt 'vam'" } })) rows++;
    expect(rows).toBe(0);
  });

  it('keeps organisations with quotes and forbidden key characters apart', async () => {
    const odd = "x' or PartitionKey ne '/#?%|";
    const e = await repo.append({ orgId: odd, at: '2026-03-01T10:00:00Z', actor: 'c', action: 'action.create', target: 't' });
    await repo.append({ orgId: 'x', at: '2026-03-01T10:00:00Z', actor: 'c', action: 'action.create', target: 't' });
    expect(await repo.list(odd, '2026-03')).toEqual([e]);
    expect(e.orgId).toBe(odd);
  });

  it('refuses a corrupted row', async () => {
    await repo.append({ orgId: 'bad', at: '2026-04-01T10:00:00Z', actor: 'c', action: 'action.create', target: 't', details: { a: 1 } });
    const [row] = await (async () => {
      const rows = [];
      for await (const r of client.listEntities({ queryOptions: { filter: "PartitionKey eq 'bad|2026-04'" } })) rows.push(r);
      return rows;
    })();
    await client.updateEntity({ partitionKey: 'bad|2026-04', rowKey: row?.rowKey ?? '', details: '[1,2' }, 'Merge');
    await expect(repo.list('bad', '2026-04')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });

  it('pages past 1,000 entries in one month', async () => {
    const start = Date.parse('2026-05-01T06:00:00Z');
    const times = Array.from({ length: 1050 }, (_, i) => new Date(start + i * 1000).toISOString());
    for (let i = 0; i < times.length; i += 50) {
      await Promise.all(times.slice(i, i + 50).map((at, j) => repo.append({ orgId: 'bulk', at, actor: 'c', action: 'barrier.link', target: `b${i + j}` })));
    }
    const entries = await repo.list('bulk', '2026-05');
    expect(entries).toHaveLength(1050);
    expect(entries[0]?.target).toBe('b1049');
    expect(entries[1049]?.target).toBe('b0');
    expect(entries.every((e, i) => i === 0 || (entries[i - 1]?.at ?? '') > e.at)).toBe(true);
    expect((await repo.list('bulk', '2026-05', 1001)).map((e) => e.target)).toEqual(entries.slice(0, 1001).map((e) => e.target));
  }, 60_000);
});
