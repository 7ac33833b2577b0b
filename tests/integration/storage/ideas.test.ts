import type { TableClient } from '@azure/data-tables';
import { IdeasRepository } from '@soestainable/bot/storage/repositories/ideas';
import { reportDay } from '@soestainable/bot/storage/repositories/reports';
import { expectCode, rawRows, useTestTables } from '../../helpers/storage';

describe('IdeasRepository (Azurite)', () => {
  const tables = useTestTables();
  let client: TableClient;
  let repo: IdeasRepository;

  beforeAll(() => {
    client = tables.client('Ideas');
    repo = new IdeasRepository(tables.store('Ideas'), () => clock);
  });
  /** The repository's clock: reports are stamped with the start of their local day, never the moment of filing. */
  let clock = new Date('2026-12-02T10:00:00Z');
  /** An id as a check-in's pending part draws it: the day's start, then a fixed random part. */
  const dayId = (day: string, tail: string) => reportDay(new Date(`${day}T10:00:00Z`)).getTime().toString(36).padStart(10, '0') + tail;

  const base = { orgId: 'soest', campaignId: 'c1', teamId: 'ro', theme: 'energietransitie' } as const;

  it('round-trips an idea, by id and by reference, and lists newest first', async () => {
    clock = new Date('2026-12-01T15:47:12.345Z');
    const a = await repo.create({ ...base, orgId: 'rt', text: 'Deelfietsen bij het gemeentehuis' });
    clock = new Date('2026-12-02T09:03:58.001Z');
    const b = await repo.create({ ...base, orgId: 'rt', text: 'Laptops uit na 18:00', teamId: 'bv' });
    expect(b.createdAt).toBe('2026-12-01T23:00:00.000Z');
    expect(a).toEqual({
      orgId: 'rt', ideaId: a.ideaId, campaignId: 'c1', teamId: 'ro', theme: 'energietransitie',
      text: 'Deelfietsen bij het gemeentehuis', createdAt: a.createdAt, status: 'nieuw', reference: a.reference, demo: false,
    });
    expect(a.reference).toMatch(/^I-[0-9A-Z]{4}$/);
    expect(await repo.get('rt', a.ideaId)).toEqual(a);
    expect(await repo.getByReference('rt', a.reference)).toEqual(a);
    expect((await repo.list('rt')).map((i) => i.ideaId)).toEqual([b.ideaId, a.ideaId]);
    expect((await repo.list('rt', { teamId: 'bv' })).map((i) => i.ideaId)).toEqual([b.ideaId]);

    const seen = await repo.setStatus('rt', a.ideaId, 'overgenomen');
    expect(seen.status).toBe('overgenomen');
    expect((await repo.list('rt', { status: 'overgenomen' })).map((i) => i.ideaId)).toEqual([a.ideaId]);
    await expect(repo.setStatus('rt', a.ideaId, 'bogus' as never)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
  });

  it('answers undefined for what is not there', async () => {
    expect(await repo.get('soest', 'nope')).toBeUndefined();
    expect(await repo.getByReference('soest', 'I-0000')).toBeUndefined();
    await expect(repo.setStatus('soest', 'nope', 'bekeken')).rejects.toEqual(expectCode('NOT_FOUND'));
  });

  it('keeps a sender anonymous unless they opt in, and forgets them on request', async () => {
    const userId = 'aad-idea-user-77';
    const anon = await repo.create({ ...base, orgId: 'priv', text: 'Meer planten' });
    const named = await repo.create({ ...base, orgId: 'priv', text: 'Repair café', contactUserId: userId });
    const holdsUser = (row: Record<string, unknown>) => Object.values(row).some((v) => String(v).includes(userId));
    const rows = await rawRows(client);
    expect(rows.find((r) => r['rowKey'] === anon.ideaId)).toBeDefined();
    expect(rows.filter(holdsUser).map((r) => r['rowKey'])).toEqual([named.ideaId]);

    expect((await repo.listByContact('priv', userId)).map((i) => i.ideaId)).toEqual([named.ideaId]);
    expect(await repo.forgetContact('priv', userId)).toBe(1);
    expect((await rawRows(client)).filter(holdsUser)).toEqual([]);
    expect(await repo.listByContact('priv', userId)).toEqual([]);
    expect((await repo.get('priv', named.ideaId))?.text).toBe('Repair café');
  });

  it('treats quotes in filters as values and forbidden key characters as data', async () => {
    const evil = "x' or PartitionKey ne '";
    const orgId = "org'/#?%|";
    const hit = await repo.create({ ...base, orgId, campaignId: evil, text: 'a' });
    await repo.create({ ...base, orgId, campaignId: 'x', text: 'b' });
    await repo.create({ ...base, orgId: 'elsewhere', campaignId: evil, text: 'c' });
    expect((await repo.list(orgId, { campaignId: evil })).map((i) => i.ideaId)).toEqual([hit.ideaId]);
    expect(await repo.list(orgId, { teamId: "' or '' eq '" })).toEqual([]);
    expect((await repo.get(orgId, hit.ideaId))?.orgId).toBe(orgId);
  });

  it('files an idea under an id chosen beforehand once: a second try returns the first', async () => {
    const id = dayId('2026-12-02', 'aabbcc02');
    const first = await repo.createWithId({ ...base, orgId: 'given', text: 'Fietsen delen' }, id);
    expect(first).toMatchObject({ created: true, idea: { ideaId: id, status: 'nieuw', text: 'Fietsen delen' } });
    expect(first.idea.contactUserId).toBeUndefined();
    expect(await repo.createWithId({ ...base, orgId: 'given', text: 'Fietsen delen' }, id)).toEqual({ idea: first.idea, created: false });
    expect(await repo.list('given')).toHaveLength(1);
    expect((await repo.getByReference('given', first.idea.reference))?.ideaId).toBe(id);
  });

  it('validates before writing and refuses corrupted rows', async () => {
    const before = (await rawRows(client)).length;
    await expect(repo.create({ ...base, text: 'x'.repeat(501) })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create({ ...base, text: 'ok', contactUserId: '' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect((await rawRows(client)).length).toBe(before);

    await client.upsertEntity({ partitionKey: 'bad', rowKey: '0000000001aaaaaaaa', campaignId: 'c', teamId: 't', theme: 'mvoi', text: 'x', createdAt: 'now', status: 'gekoppeld', reference: 'I-1', demo: false });
    await expect(repo.get('bad', '0000000001aaaaaaaa')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });
});
