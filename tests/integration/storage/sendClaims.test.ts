import type { TableClient } from '@azure/data-tables';
import { replayingTableClient } from '@soestainable/testing/replayingTableClient';
import { SendClaimsRepository, type SendClaimRow } from '@soestainable/bot/storage/repositories/sendClaims';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import { ConflictError } from '@soestainable/bot/errors';
import { expectCode, useTestTables } from '../../helpers/storage';

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

describe('SendClaimsRepository (Azurite)', () => {
  const tables = useTestTables();
  let client: TableClient;
  let repo: SendClaimsRepository;

  beforeAll(() => {
    client = tables.client('SendClaims');
    repo = new SendClaimsRepository(tables.store('SendClaims'));
  });

  it('gives a recipient to exactly one of 50 concurrent claimers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => repo.claim('nudge', '2026-12-07', 'user-1', `instance-${i}`)),
    );
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r === 'taken')).toHaveLength(49);
    const claim = await repo.get('nudge', '2026-12-07', 'user-1');
    expect(claim).toMatchObject({ kind: 'nudge', period: '2026-12-07', recipientId: 'user-1', state: 'claimed', attempts: 1 });
    expect(claim?.claimedBy).toBe(`instance-${results.indexOf('claimed')}`);
    // Other periods and kinds are separate claims.
    expect(await repo.claim('nudge', '2026-12-08', 'user-1', 'i')).toBe('claimed');
    expect(await repo.claim('digest', '2026-12-07', 'user-1', 'i')).toBe('claimed');
  });

  it('moves a claim once from claimed to sent, failed or skipped', async () => {
    await repo.claim('digest', '2026-W50', 'a', 'i1');
    const sent = await repo.markSent('digest', '2026-W50', 'a', '1:activity-xyz');
    expect(sent).toMatchObject({ state: 'sent', activityId: '1:activity-xyz', claimedBy: 'i1' });
    expect(sent.finishedAt).toEqual(expect.any(String));
    expect(await repo.markSent('digest', '2026-W50', 'a', '1:activity-xyz')).toEqual(sent);
    await expect(repo.markSent('digest', '2026-W50', 'a', '1:other')).rejects.toBeInstanceOf(ConflictError);
    await expect(repo.markFailed('digest', '2026-W50', 'a', 'HTTP_403')).rejects.toMatchObject({ reason: 'changed' });
    expect(await repo.get('digest', '2026-W50', 'a')).toEqual(sent);

    await repo.claim('digest', '2026-W50', 'b', 'i1');
    expect(await repo.markSkipped('digest', '2026-W50', 'b', 'paused')).toMatchObject({ state: 'skipped', skipReason: 'paused' });
    await expect(repo.markSent('digest', '2026-W50', 'nobody', '1:x')).rejects.toEqual(expectCode('NOT_FOUND'));
  });

  it('stores error codes, never messages, and lets exactly one instance retry a failed send', async () => {
    await repo.claim('yousaid', 'act-1', 'u', 'i1');
    await expect(repo.markFailed('yousaid', 'act-1', 'u', 'Bearer eyJhbGciOi… token expired')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    const failed = await repo.markFailed('yousaid', 'act-1', 'u', 'HTTP_502');
    expect(failed).toMatchObject({ state: 'failed', lastError: 'HTTP_502', attempts: 1 });

    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => repo.reclaimFailed('yousaid', 'act-1', 'u', `r${i}`)));
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
    const retried = await repo.get('yousaid', 'act-1', 'u');
    expect(retried).toMatchObject({ state: 'claimed', attempts: 2, claimedBy: `r${results.indexOf('claimed')}`, lastError: 'HTTP_502' });
    expect(retried?.finishedAt).toBeUndefined();
    // A claim in flight is uncertain: it is never taken again.
    expect(await repo.reclaimFailed('yousaid', 'act-1', 'u', 'late')).toBe('taken');
    expect(await repo.markSent('yousaid', 'act-1', 'u', 'act-id')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await repo.reclaimFailed('yousaid', 'act-1', 'u', 'late')).toBe('taken');
  });

  describe('a write the storage SDK retried after it had committed (the answer was lost, the retry met our own row)', () => {
    let replaying: ReturnType<typeof replayingTableClient>;
    let retried: SendClaimsRepository;
    beforeAll(() => {
      replaying = replayingTableClient(client);
      retried = new SendClaimsRepository(new TableStore<SendClaimRow>(replaying.client));
    });

    it('claim: the 409 to our own insert is ours; the same row is still taken for any other claimant', async () => {
      expect(await retried.claim('nudge', 'lost', 'a', 'inst.run1')).toBe('claimed');
      expect(replaying.replays.createEntity).toBeGreaterThan(0);
      expect(await repo.get('nudge', 'lost', 'a')).toMatchObject({ state: 'claimed', claimedBy: 'inst.run1', attempts: 1 });
      // Another run of the same instance (another token) and another instance: taken.
      expect(await retried.claim('nudge', 'lost', 'a', 'inst.run2')).toBe('taken');
      expect(await repo.claim('nudge', 'lost', 'a', 'other.run1')).toBe('taken');
    });

    it('claim: a row of ours that has left `claimed` (sent, failed, skipped) is not taken again', async () => {
      await repo.claim('nudge', 'lost', 'done', 'inst.run1');
      await repo.markSent('nudge', 'lost', 'done', 'activity-1');
      expect(await repo.claim('nudge', 'lost', 'done', 'inst.run1')).toBe('taken');
      await repo.claim('nudge', 'lost', 'skip', 'inst.run1');
      await repo.markSkipped('nudge', 'lost', 'skip', 'paused');
      expect(await repo.claim('nudge', 'lost', 'skip', 'inst.run1')).toBe('taken');
    });

    it('claimMany: a transaction that committed and answered 409 to its retry is claimed whole, and others still find it taken', async () => {
      expect(await retried.claimMany('nudge', 'lost-many', ['m1', 'm2', 'm3'], 'inst.run1')).toEqual(['claimed', 'claimed', 'claimed']);
      expect(replaying.replays.submitTransaction).toBeGreaterThan(0);
      for (const id of ['m1', 'm2', 'm3']) expect(await repo.get('nudge', 'lost-many', id)).toMatchObject({ state: 'claimed', claimedBy: 'inst.run1' });
      expect(await retried.claimMany('nudge', 'lost-many', ['m3', 'm4'], 'inst.run2')).toEqual(['taken', 'claimed']);
      expect(await repo.get('nudge', 'lost-many', 'm4')).toMatchObject({ claimedBy: 'inst.run2' });
    });

    it('reclaimFailed: the 412 to our own committed update is ours', async () => {
      await repo.claim('yousaid', 'lost-re', 'u', 'inst.run1');
      await repo.markFailed('yousaid', 'lost-re', 'u', 'HTTP_502');
      expect(await retried.reclaimFailed('yousaid', 'lost-re', 'u', 'inst.run2')).toBe('claimed');
      expect(replaying.replays.updateEntity).toBeGreaterThan(0);
      expect(await repo.get('yousaid', 'lost-re', 'u')).toMatchObject({ state: 'claimed', claimedBy: 'inst.run2', attempts: 2 });
      expect(await retried.reclaimFailed('yousaid', 'lost-re', 'u', 'inst.run3')).toBe('taken');
    });

    it('a claim that goes through on the retried store moves to sent as usual', async () => {
      expect(await retried.claim('nudge', 'lost', 'b', 'inst.run1')).toBe('claimed');
      expect(await retried.markSent('nudge', 'lost', 'b', 'activity-b')).toMatchObject({ state: 'sent', activityId: 'activity-b' });
    });
  });

  it('lists the claims still in flight (uncertain after a crash)', async () => {
    const now = new Date('2026-12-07T07:00:00Z');
    const clocked = new SendClaimsRepository(tables.store('SendClaims'), () => now);
    for (const r of ['r1', 'r2', 'r3', 'r4']) await clocked.claim('nudge', '0700', r, 'i');
    await clocked.markSent('nudge', '0700', 'r1', 'x');
    await clocked.markFailed('nudge', '0700', 'r2', 'HTTP_404');
    expect((await clocked.inFlight('nudge', '0700')).map((c) => c.recipientId).sort()).toEqual(['r3', 'r4']);
    expect(await clocked.inFlight('nudge', '0700', { claimedBefore: now })).toEqual([]);
    expect(await clocked.inFlight('nudge', '0700', { claimedBefore: new Date('2026-12-07T07:05:00Z') })).toHaveLength(2);
  });

  it('keeps recipient ids and periods with forbidden key characters apart', async () => {
    const odd = ['29:a/b', '29:a\\b', '29:a#b', '29:a?b', '29:a%2Fb', '29:a|b', "29:a'b"];
    for (const r of odd) expect(await repo.claim('nudge', 'odd|period/1', r, 'i')).toBe('claimed');
    const listed = await repo.listRun('nudge', 'odd|period/1');
    expect(listed.map((c) => c.recipientId).sort()).toEqual([...odd].sort());
    expect(listed.every((c) => c.period === 'odd|period/1' && c.kind === 'nudge')).toBe(true);
    expect(await repo.listRun('nudge', 'odd')).toEqual([]);
  });

  it('answers undefined for a missing claim and validates input', async () => {
    expect(await repo.get('nudge', 'never', 'nobody')).toBeUndefined();
    await expect(repo.claim('spam' as never, 'p', 'r', 'i')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.claim('nudge', '', 'r', 'i')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.claim('nudge', 'p', 'r', '')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect(await repo.listRun('nudge', 'p')).toEqual([]);
  });

  it('refuses a corrupted row', async () => {
    await client.upsertEntity({ partitionKey: 'nudge|bad', rowKey: 'r', state: 'queued', claimedBy: 'i', claimedAt: 'x', attempts: 1 });
    await expect(repo.get('nudge', 'bad', 'r')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
    await expect(repo.listRun('nudge', 'bad')).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });

  it('lists a run of 1,100 claims, past the 1,000-row page', async () => {
    const recipients = Array.from({ length: 1100 }, (_, i) => `user-${String(i).padStart(4, '0')}`);
    const results = await pool(recipients, 25, (r) => repo.claim('nudge', '2026-12-09', r, 'bulk'));
    expect(results.every((r) => r === 'claimed')).toBe(true);
    const listed = await repo.listRun('nudge', '2026-12-09');
    expect(listed).toHaveLength(1100);
    expect(new Set(listed.map((c) => c.recipientId)).size).toBe(1100);
    expect(await repo.inFlight('nudge', '2026-12-09')).toHaveLength(1100);
  }, 60_000);
});
