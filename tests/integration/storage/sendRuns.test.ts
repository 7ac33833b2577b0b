import type { TableClient } from '@azure/data-tables';
import { SendRunsRepository } from '@soestainable/bot/storage/repositories/sendRuns';
import { expectCode, useTestTables } from '../../helpers/storage';

describe('SendRunsRepository (Azurite)', () => {
  const tables = useTestTables();
  let client: TableClient;
  let clock: Date;
  let repo: SendRunsRepository;

  beforeAll(() => {
    client = tables.client('SendRuns');
    clock = new Date('2026-12-07T06:00:00Z');
    repo = new SendRunsRepository(tables.store('SendRuns'), () => clock);
  });

  it('starts, saves and finishes a run, and reads it back', async () => {
    clock = new Date('2026-12-07T07:00:00Z');
    const run = await repo.start('nudge');
    expect(run).toEqual({
      kind: 'nudge', runId: run.runId, startedAt: '2026-12-07T07:00:00.000Z', queued: 0, sent: 0, retried: 0, throttled: 0,
      failed: 0, skipped: 0, skippedByReason: {}, uncertain: 0, durationMs: 0,
    });
    await repo.save({ ...run, queued: 120, sent: 100, skipped: 20, skippedByReason: { paused: 15, holiday: 5 } });
    clock = new Date('2026-12-07T07:01:30Z');
    const finished = await repo.finish({ ...run, queued: 120, sent: 117, retried: 4, throttled: 3, failed: 1, skipped: 2, skippedByReason: { paused: 2 }, uncertain: 0 });
    expect(finished).toMatchObject({ finishedAt: '2026-12-07T07:01:30.000Z', durationMs: 90_000, sent: 117 });
    expect(await repo.get('nudge', run.runId)).toEqual(finished);
    // Counters are Int32 (not BigInt) in storage.
    const raw = await client.getEntity<Record<string, unknown>>('nudge', run.runId);
    expect(typeof raw['sent']).toBe('number');
  });

  it('lists the latest runs of a kind, newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock = new Date(Date.UTC(2026, 11, 10 + i, 8));
      ids.push((await repo.start('digest')).runId);
    }
    expect((await repo.latest('digest', 3)).map((r) => r.runId)).toEqual([ids[4], ids[3], ids[2]]);
    expect(await repo.latest('digest', 100)).toHaveLength(5);
    expect(await repo.latest('yousaid')).toEqual([]);
  });

  it('answers undefined / NOT_FOUND for a run that does not exist, and validates counters', async () => {
    expect(await repo.get('nudge', 'nope')).toBeUndefined();
    const run = await repo.start('yousaid');
    await expect(repo.save({ ...run, runId: 'never-started' })).rejects.toEqual(expectCode('NOT_FOUND'));
    await expect(repo.save({ ...run, sent: -1 })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.save({ ...run, sent: 1.5 })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.save({ ...run, skippedByReason: { 'user said: go away': 1 } })).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.start('spam' as never)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.latest('nudge', 0)).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect(await repo.get('yousaid', run.runId)).toEqual(run);
  });

  it('refuses a corrupted row', async () => {
    const run = await repo.start('yousaid');
    await client.updateEntity({ partitionKey: 'yousaid', rowKey: run.runId, skippedByReason: '{"paused": "many"}' }, 'Merge');
    await expect(repo.get('yousaid', run.runId)).rejects.toEqual(expectCode('STORAGE_DATA_INVALID'));
  });
});
