import { ConversationRefsRepository } from '@soestainable/bot/storage/repositories/conversationRefs';
import { SendClaimsRepository } from '@soestainable/bot/storage/repositories/sendClaims';
import { expectCode, useTestTables } from '../../helpers/storage';

describe('grouped claims and reference pages for the fan-out engine (Azurite)', () => {
  const tables = useTestTables();
  let repo: SendClaimsRepository;
  let refs: ConversationRefsRepository;

  beforeAll(() => {
    repo = new SendClaimsRepository(tables.store('SendClaims'));
    refs = new ConversationRefsRepository(tables.store('ConversationRefs'));
  });

  it('claims a group in one transaction, and answers exactly like one-by-one claims when some are taken', async () => {
    expect(await repo.claimMany('nudge', 'g1', ['a', 'b', 'c'], 'instance-1')).toEqual(['claimed', 'claimed', 'claimed']);
    for (const id of ['a', 'b', 'c']) expect(await repo.get('nudge', 'g1', id)).toMatchObject({ state: 'claimed', claimedBy: 'instance-1', attempts: 1 });
    // b is taken: the transaction inserts nothing, then each recipient is claimed on its own.
    expect(await repo.claimMany('nudge', 'g1', ['d', 'b', 'e'], 'instance-2')).toEqual(['claimed', 'taken', 'claimed']);
    expect(await repo.get('nudge', 'g1', 'b')).toMatchObject({ claimedBy: 'instance-1' });
    expect(await repo.get('nudge', 'g1', 'd')).toMatchObject({ claimedBy: 'instance-2' });
    expect(await repo.claimMany('nudge', 'g1', [], 'instance-2')).toEqual([]);
  });

  it('gives each recipient to exactly one of several instances claiming overlapping groups at once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `r-${i}`);
    const groups = [0, 1, 2, 3].map((k) => ids.slice(k * 5, k * 5 + 25)); // overlapping windows
    const answers = await Promise.all(groups.map((g, k) => repo.claimMany('nudge', 'g2', g, `instance-${k}`)));
    const winners = new Map<string, number>();
    groups.forEach((g, k) => g.forEach((id, i) => answers[k]?.[i] === 'claimed' && winners.set(id, (winners.get(id) ?? 0) + 1)));
    for (const id of ids.slice(0, 40)) if (groups.some((g) => g.includes(id))) expect({ id, winners: winners.get(id) }).toEqual({ id, winners: 1 });
  });

  it('refuses bad groups before writing anything', async () => {
    await expect(repo.claimMany('nudge', 'g3', ['x', 'x'], 'i')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.claimMany('nudge', 'g3', Array.from({ length: 101 }, (_, i) => `x${i}`), 'i')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.claimMany('nudge', 'g3', ['ok', ''], 'i')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.claimMany('nudge', 'g3', ['ok'], '')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    expect(await repo.listRun('nudge', 'g3')).toEqual([]);
    await expect(repo.finishMany('nudge', 'g3', [{ recipientId: 'ok', state: 'failed', errorCode: 'not a code!' }])).rejects.toEqual(expectCode('VALIDATION_FAILED'));
  });

  it('finishes a group of held claims in one transaction, keeping who claimed them', async () => {
    await repo.claimMany('nudge', 'g4', ['s', 'f', 'k'], 'instance-1');
    await repo.finishMany('nudge', 'g4', [
      { recipientId: 's', state: 'sent', activityId: 'activity-1' },
      { recipientId: 'f', state: 'failed', errorCode: 'HTTP_403' },
      { recipientId: 'k', state: 'skipped', reason: 'paused' },
    ]);
    expect(await repo.get('nudge', 'g4', 's')).toMatchObject({ state: 'sent', activityId: 'activity-1', claimedBy: 'instance-1', attempts: 1, finishedAt: expect.any(String) });
    expect(await repo.get('nudge', 'g4', 'f')).toMatchObject({ state: 'failed', lastError: 'HTTP_403' });
    expect(await repo.get('nudge', 'g4', 'k')).toMatchObject({ state: 'skipped', skipReason: 'paused' });
    expect(await repo.inFlight('nudge', 'g4')).toEqual([]);
  });

  it('never creates a claim by finishing one that does not exist', async () => {
    await expect(repo.finishMany('nudge', 'g5', [{ recipientId: 'ghost', state: 'sent', activityId: 'a-1' }])).rejects.toMatchObject({
      code: expect.stringMatching(/^STORAGE_/),
    });
    expect(await repo.get('nudge', 'g5', 'ghost')).toBeUndefined();
  });

  it('reads every reference of a scope in pages', async () => {
    for (let i = 0; i < 1_005; i += 67) {
      await Promise.all(
        Array.from({ length: Math.min(67, 1_005 - i) }, (_, j) => refs.save({ kind: 'user', userId: `u-${i + j}` }, 'personal', { conversation: { id: `c-${i + j}` } })),
      );
    }
    await refs.save({ kind: 'team', teamId: 'team-1' }, 'channel', { conversation: { id: 'c-team' } });
    await refs.markInactive({ kind: 'user', userId: 'u-3' }, 'personal');
    const personal = [];
    for await (const ref of refs.iterateScope('personal')) personal.push(ref);
    expect(personal).toHaveLength(1_005);
    expect(personal.find((r) => r.owner.kind === 'user' && r.owner.userId === 'u-3')).toMatchObject({ active: false });
    const channel = [];
    for await (const ref of refs.iterateScope('channel')) channel.push(ref);
    expect(channel).toEqual([expect.objectContaining({ owner: { kind: 'team', teamId: 'team-1' }, reference: { conversation: { id: 'c-team' } } })]);
  });
});
