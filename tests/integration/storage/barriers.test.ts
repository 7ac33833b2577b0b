import * as crypto from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { BarriersRepository } from '@soestainable/bot/storage/repositories/barriers';
import { reportDay } from '@soestainable/bot/storage/repositories/reports';
import { referenceFromId } from '@soestainable/shared/domain/programme';
import { AppError, ConflictError } from '@soestainable/bot/errors';
import { expectCode, rawRows, useTestTables } from '../../helpers/storage';

// randomBytes stays real unless a test fixes one draw (to force a reference collision).
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof crypto>('node:crypto');
  return { ...actual, randomBytes: jest.fn(actual.randomBytes) };
});

describe('BarriersRepository (Azurite)', () => {
  const tables = useTestTables();
  let client: TableClient;
  let repo: BarriersRepository;

  beforeAll(() => {
    client = tables.client('Barriers');
    repo = new BarriersRepository(tables.store('Barriers'), () => clock);
  });
  /** The repository's clock: reports are stamped with the start of their local day, never the moment of filing. */
  let clock = new Date('2026-12-02T10:00:00Z');
  /** An id as a check-in's pending part draws it: the day's start, then a fixed random part. */
  const dayId = (day: string, tail: string) => reportDay(new Date(`${day}T10:00:00Z`)).getTime().toString(36).padStart(10, '0') + tail;

  const base = { orgId: 'soest', campaignId: 'c1', teamId: 'ro', theme: 'circulariteit' } as const;

  it('round-trips a barrier, finds it by its reference and lists the organisation newest first', async () => {
    clock = new Date('2026-12-01T15:47:12.345Z');
    const first = await repo.create({ ...base, orgId: 'rt', text: '  Geen afvalscheiding in de kantine  ' });
    clock = new Date('2026-12-02T09:03:58.001Z');
    const second = await repo.create({ ...base, orgId: 'rt', text: 'Printer print standaard enkelzijdig', theme: 'mvoi', demo: true });
    // Stamped with the day only (local midnight), in the id's time part too: the moment of filing is not kept.
    expect([first.createdAt, second.createdAt]).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-01T23:00:00.000Z']);
    expect(parseInt(second.barrierId.slice(0, 10), 36)).toBe(Date.parse('2026-12-01T23:00:00.000Z'));

    expect(first).toEqual({
      orgId: 'rt', barrierId: first.barrierId, campaignId: 'c1', teamId: 'ro', theme: 'circulariteit',
      text: 'Geen afvalscheiding in de kantine', createdAt: first.createdAt, status: 'nieuw', reference: first.reference, demo: false,
    });
    expect(first.reference).toMatch(/^P-[0-9A-Z]{4}$/);
    expect(await repo.get('rt', first.barrierId)).toEqual(first);
    expect(await repo.getByReference('rt', first.reference)).toEqual(first);
    expect(await repo.getByReference('rt', first.reference.toLowerCase().replace('-', ''))).toEqual(first);
    expect((await repo.list('rt')).map((b) => b.barrierId)).toEqual([second.barrierId, first.barrierId]);
    expect((await repo.list('rt', { theme: 'mvoi' })).map((b) => b.barrierId)).toEqual([second.barrierId]);
  });

  it('files a demo report on a past day when asked (the demo follow-ups), still as the day only', async () => {
    clock = new Date('2026-12-02T09:03:58.001Z');
    const past = await repo.create({ ...base, orgId: 'past', text: 'Op de werf geen droge stalling', demo: true, filedOn: new Date('2026-09-14T13:21:07Z') });
    expect(past.createdAt).toBe('2026-09-13T22:00:00.000Z');
    expect(parseInt(past.barrierId.slice(0, 10), 36)).toBe(Date.parse('2026-09-13T22:00:00.000Z'));
    const today = await repo.create({ ...base, orgId: 'past', text: 'Vandaag gemeld' });
    expect((await repo.list('past')).map((b) => b.barrierId)).toEqual([today.barrierId, past.barrierId]);
  });

  it('answers undefined for what is not there', async () => {
    expect(await repo.get('soest', 'nope')).toBeUndefined();
    expect(await repo.getByReference('soest', 'P-ZZZZ')).toBeUndefined();
    expect(await repo.getByReference('soest', "P' or 1 eq 1")).toBeUndefined();
    expect(await repo.list('empty-org')).toEqual([]);
  });

  it('stores nothing about the reporter unless they opt in, and forgets them on request', async () => {
    const userId = 'aad-user-4f1c9e';
    const anonymous = await repo.create({ ...base, orgId: 'privacy', text: 'Fietsenstalling te klein' });
    const withContact = await repo.create({ ...base, orgId: 'privacy', text: 'Geen kraanwater', contactUserId: userId });
    expect(anonymous.contactUserId).toBeUndefined();
    expect(withContact.contactUserId).toBe(userId);

    const containsUser = (row: Record<string, unknown>) => Object.values(row).some((v) => String(v).includes(userId));
    const rows = await rawRows(client);
    const anonymousRow = rows.find((r) => r['rowKey'] === anonymous.barrierId);
    expect(anonymousRow).toBeDefined();
    expect(Object.keys(anonymousRow ?? {})).not.toContain('contactUserId');
    expect(rows.filter(containsUser).map((r) => r['rowKey'])).toEqual([withContact.barrierId]);

    expect((await repo.listByContact('privacy', userId)).map((b) => b.barrierId)).toEqual([withContact.barrierId]);
    expect(await repo.forgetContact('privacy', userId)).toBe(1);
    expect(await repo.forgetContact('privacy', userId)).toBe(0);
    expect((await rawRows(client)).filter(containsUser)).toEqual([]);
    const kept = await repo.get('privacy', withContact.barrierId);
    const { contactUserId: _gone, ...anonymised } = withContact;
    expect(kept).toEqual(anonymised);
    expect(kept && 'contactUserId' in kept).toBe(false);
  });

  it('treats quotes and OData-looking filter values as plain values', async () => {
    const evil = "x' or PartitionKey ne '";
    const hit = await repo.create({ ...base, orgId: 'inj', teamId: evil, text: 'a' });
    await repo.create({ ...base, orgId: 'inj', teamId: 'x', text: 'b' });
    await repo.create({ ...base, orgId: 'inj-other', teamId: evil, text: 'c' });

    expect((await repo.list('inj', { teamId: evil })).map((b) => b.barrierId)).toEqual([hit.barrierId]);
    expect(await repo.list('inj', { teamId: "x' or '1' eq '1" })).toEqual([]);
    expect(await repo.list('inj', { campaignId: "c1' or campaignId ne '" })).toEqual([]);
    expect(await repo.listByContact('inj', "' or contactUserId eq null or '' eq '")).toEqual([]);
    expect(await repo.list("inj' or PartitionKey ne '")).toEqual([]);
  });

  it('filters by campaign, team, theme and status together', async () => {
    const a = await repo.create({ ...base, orgId: 'f', campaignId: 'c1', teamId: 't1', text: 'a' });
    await repo.create({ ...base, orgId: 'f', campaignId: 'c2', teamId: 't1', text: 'b' });
    await repo.create({ ...base, orgId: 'f', campaignId: 'c1', teamId: 't2', text: 'c' });
    await repo.update('f', a.barrierId, (b) => ({ ...b, status: 'gekoppeld', actionId: 'act1' }));
    expect((await repo.list('f', { campaignId: 'c1', teamId: 't1', theme: 'circulariteit', status: 'gekoppeld' })).map((b) => b.text)).toEqual(['a']);
    expect(await repo.list('f', { campaignId: 'c1', teamId: 't1', status: 'nieuw' })).toEqual([]);
    expect(await repo.list('f', { campaignId: 'c1' })).toHaveLength(2);
  });

  it('stores organisation ids with characters Table Storage forbids in keys', async () => {
    const orgId = 'a/b\\c#d?e%f|g\u0001';
    const b = await repo.create({ ...base, orgId, text: 'x' });
    expect(await repo.get(orgId, b.barrierId)).toEqual(b);
    expect(await repo.getByReference(orgId, b.reference)).toEqual(b);
    expect(await repo.list(orgId)).toEqual([b]);
    expect(await repo.get('a', b.barrierId)).toBeUndefined();
  });

  it('validates input before writing anything', async () => {
    const before = (await rawRows(client)).length;
    await expect(repo.create({ ...base, text: 'x'.repeat(501) })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create({ ...base, text: '   ' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create({ ...base, theme: 'bogus' as never, text: 'x' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.create({ ...base, teamId: '', text: 'x' })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    // A past filing day is for the demo's earlier campaign only.
    await expect(repo.create({ ...base, text: 'x', filedOn: new Date('2026-09-01T12:00:00Z') })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect((await rawRows(client)).length).toBe(before);
    // 500 characters counted as people count them: emoji are one each.
    expect((await repo.create({ ...base, orgId: 'v', text: '🚲'.repeat(500) })).text).toHaveLength(1000);
  });

  it('updates with read-modify-write: checks the status fields, keeps what may not change', async () => {
    const b = await repo.create({ ...base, orgId: 'upd', text: 'x', contactUserId: 'u1' });
    const linked = await repo.update('upd', b.barrierId, (cur) => ({ ...cur, status: 'gekoppeld', actionId: 'a1' }));
    expect(linked).toMatchObject({ status: 'gekoppeld', actionId: 'a1', contactUserId: 'u1' });
    const dismissed = await repo.update('upd', b.barrierId, (cur) => {
      const { actionId: _a, ...rest } = cur;
      return { ...rest, status: 'afgewezen', dismissReason: 'Valt buiten de organisatie' };
    });
    expect(dismissed.actionId).toBeUndefined();
    expect(Object.keys((await client.getEntity('upd', b.barrierId)) as object)).not.toContain('actionId');

    const reject = (fn: Parameters<BarriersRepository['update']>[2]) => expect(repo.update('upd', b.barrierId, fn)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await reject((cur) => ({ ...cur, status: 'gekoppeld' }));
    await reject((cur) => ({ ...cur, status: 'samengevoegd', duplicateOf: cur.barrierId }));
    await reject((cur) => ({ ...cur, reference: 'P-0000' }));
    await reject((cur) => ({ ...cur, contactUserId: 'someone-else' }));
    await reject((cur) => ({ ...cur, text: 'y'.repeat(501) }));
    await expect(repo.update('upd', 'missing', (cur) => cur)).rejects.toEqual(expectCode('NOT_FOUND'));
    expect(await repo.get('upd', b.barrierId)).toEqual(dismissed);
  });

  it('retries concurrent updates on a fresh read, and gives up with a plain STORAGE_CONFLICT after a few rounds', async () => {
    const b = await repo.create({ ...base, orgId: 'conc', text: 'start' });
    await Promise.all([1, 2, 3, 4].map((i) => repo.update('conc', b.barrierId, (cur) => ({ ...cur, text: `${cur.text} ${i}` }))));
    const text = (await repo.get('conc', b.barrierId))?.text ?? '';
    expect(text.split(' ').sort()).toEqual(['1', '2', '3', '4', 'start']);

    // Someone else writes between every read and write: bounded, then STORAGE_CONFLICT, not a ConflictError to retry.
    // (Before the retry loops were merged this was the last ConflictError('changed'); see optimistic.ts.)
    let calls = 0;
    const failing = repo.update('conc', b.barrierId, (cur) => {
      calls++;
      void client.updateEntity({ partitionKey: 'conc', rowKey: b.barrierId, text: `other ${calls}` }, 'Merge');
      return { ...cur, status: 'opgelost' };
    });
    await expect(failing).rejects.toBeInstanceOf(AppError);
    await expect(failing).rejects.not.toBeInstanceOf(ConflictError);
    await expect(failing).rejects.toEqual(expectCode('STORAGE_CONFLICT'));
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(5);
  });

  it('keeps references unique within the organisation: a taken reference draws a new id', async () => {
    const fixed = Buffer.from('00012345', 'hex');
    const randomBytes = crypto.randomBytes as unknown as jest.Mock;
    randomBytes.mockImplementationOnce(() => fixed);
    const first = await repo.create({ ...base, orgId: 'refs', text: 'one' });
    // The next draw repeats the first: the batch meets the taken reference (409) and the repository draws again.
    randomBytes.mockImplementationOnce(() => fixed);
    const callsBefore = randomBytes.mock.calls.length;
    const second = await repo.create({ ...base, orgId: 'refs', text: 'two' });
    expect(first.reference).toBe(referenceFromId('P', '0000000000' + fixed.toString('hex')));
    expect(randomBytes.mock.calls.length - callsBefore).toBe(2);
    expect(second.reference).not.toBe(first.reference);
    expect((await repo.getByReference('refs', first.reference))?.text).toBe('one');
    expect((await repo.getByReference('refs', second.reference))?.text).toBe('two');
    expect(await repo.list('refs')).toHaveLength(2);
  });

  it('files a barrier under an id chosen beforehand once: a second try returns the first, unchanged', async () => {
    const id = dayId('2026-12-02', 'aabbcc01');
    const first = await repo.createWithId({ ...base, orgId: 'given', text: 'Eén keer', contactUserId: 'aad-r' }, id);
    expect(first.created).toBe(true);
    expect(first.barrier).toMatchObject({ barrierId: id, reference: referenceFromId('P', id), status: 'nieuw', contactUserId: 'aad-r' });
    const again = await repo.createWithId({ ...base, orgId: 'given', text: 'Eén keer', contactUserId: 'aad-r' }, id);
    expect(again).toEqual({ barrier: first.barrier, created: false });
    expect(await repo.list('given')).toHaveLength(1);
    expect((await rawRows(client)).filter((r) => r['partitionKey'] === 'given')).toHaveLength(2); // the barrier and its reference row
    await expect(repo.createWithId({ ...base, orgId: 'given', text: 'x' }, 'not-an-id')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    // An id whose time part is the moment of filing, not the day, is refused: it would tie the report to a check-in.
    const exact = Date.parse('2026-12-02T09:03:58.001Z').toString(36).padStart(10, '0') + 'aabbcc02';
    await expect(repo.createWithId({ ...base, orgId: 'given', text: 'x' }, exact)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
  });

  it('moves a given id whose reference another barrier holds to a derived one, the same on every try', async () => {
    const holder = await repo.createWithId({ ...base, orgId: 'moved', text: 'heeft de referentie' }, dayId('2026-12-01', 'deadbeef'));
    // same random tail, so the same reference, under another id
    const wanted = dayId('2026-12-02', 'deadbeef');
    const moved = await repo.createWithId({ ...base, orgId: 'moved', text: 'wil dezelfde' }, wanted);
    expect(moved.created).toBe(true);
    expect(moved.barrier.barrierId).not.toBe(wanted);
    expect(moved.barrier.barrierId.slice(0, 10)).toBe(wanted.slice(0, 10));
    expect(moved.barrier.reference).not.toBe(holder.barrier.reference);
    const retry = await repo.createWithId({ ...base, orgId: 'moved', text: 'wil dezelfde' }, wanted);
    expect(retry).toEqual({ barrier: moved.barrier, created: false });
    expect((await repo.getByReference('moved', moved.barrier.reference))?.text).toBe('wil dezelfde');
    expect((await repo.getByReference('moved', holder.barrier.reference))?.text).toBe('heeft de referentie');
    expect(await repo.list('moved')).toHaveLength(2);
  });

  it('refuses a corrupted row with STORAGE_DATA_INVALID', async () => {
    await client.upsertEntity({ partitionKey: 'bad', rowKey: '0000000001aaaaaaaa', campaignId: 'c', teamId: 't', theme: 'bogus', text: 'x', createdAt: 'now', status: 'nieuw', reference: 'P-1', demo: false });
    await expect(repo.get('bad', '0000000001aaaaaaaa')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
    await expect(repo.list('bad')).rejects.toBeInstanceOf(AppError);
    await client.upsertEntity({ partitionKey: 'bad', rowKey: '~ref|P-0001', wrong: 1 });
    await expect(repo.getByReference('bad', 'P-0001')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });
});
