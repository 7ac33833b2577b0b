import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { FollowUpAnswersRepository } from '@soestainable/bot/storage/repositories/followUpAnswers';
import { ParticipantsRepository } from '@soestainable/bot/storage/repositories/participants';
import { PledgesRepository } from '@soestainable/bot/storage/repositories/pledges';
import type { Pledge } from '@soestainable/shared/domain/followUp';
import { participant } from '../../helpers/orgFixture';
import { useTestTables } from '../../helpers/storage';

/**
 * The range reads of the followups job's large waves (pledges.forUsers, followUpAnswers.answeredBy,
 * participants.forNudgeOf): one query over many users' partitions must give exactly what a point read per user gives,
 * for ids that encoding reorders (`|`, `/`, `%`) and ids outside ASCII (read apart), and nothing of users not asked.
 */
const HABITS = ['dag01-eigen-beker', 'dag02-fiets-lopen-ov'];
const pledgeOf = (userId: string, campaignId = 'c1'): Pledge => ({
  userId,
  campaignId,
  challengeIds: HABITS,
  createdAt: '2026-12-11T10:00:00.000Z',
  updatedAt: '2026-12-11T10:00:00.000Z',
});
const ODD = ['u|pipe', 'u/slash', 'u%pct', 'ü-umlaut', 'u-😀', 'u 1'];
const PLAIN = ['u-01', 'u-02', 'u-03', 'u-04', 'u-05'];

describe('range reads over users\' partitions (Azurite)', () => {
  const tables = useTestTables();
  let pledges: PledgesRepository;
  let answers: FollowUpAnswersRepository;
  let participants: ParticipantsRepository;

  beforeAll(async () => {
    pledges = new PledgesRepository(tables.store('Pledges'));
    answers = new FollowUpAnswersRepository(tables.store('FollowUpAnswers'));
    participants = new ParticipantsRepository(tables.store('Participants'), tables.store('TeamMembers'), tables.store('NudgeSlots'));
    for (const userId of [...PLAIN, ...ODD]) {
      await participants.save(participant({ userId }));
      await pledges.save(pledgeOf(userId));
      await pledges.save(pledgeOf(userId, 'c2'));
    }
    for (const userId of ['u-02', 'u|pipe', 'ü-umlaut']) {
      await answers.create({ userId, campaignId: 'c1', wave: 1, answers: [{ challengeId: HABITS[0] ?? '', kept: 'ja' }], answeredAt: '2026-12-28T08:30:00.000Z' });
    }
    await answers.create({ userId: 'u-03', campaignId: 'c1', wave: 2, answers: [{ challengeId: HABITS[0] ?? '', kept: 'ja' }], answeredAt: '2027-01-22T08:30:00.000Z' });
    await answers.create({ userId: 'u-04', campaignId: 'c2', wave: 1, answers: [{ challengeId: HABITS[0] ?? '', kept: 'ja' }], answeredAt: '2026-12-28T08:30:00.000Z' });
  });

  it('pledges.forUsers gives each asked user\'s pledge of that campaign, as get does, and nobody else\'s', async () => {
    const asked = ['u-01', 'u-03', 'u-05', 'nobody', ...ODD];
    const found = await pledges.forUsers('c1', asked);
    expect([...found.keys()].sort()).toEqual(['u-01', 'u-03', 'u-05', ...ODD].sort());
    for (const userId of found.keys()) expect(found.get(userId)).toEqual(await pledges.get(userId, 'c1'));
    // u-02 and u-04 lie inside the range read but were not asked.
    expect(found.has('u-02')).toBe(false);
    expect(await pledges.forUsers('c-none', asked)).toEqual(new Map());
    expect(await pledges.forUsers('c1', [])).toEqual(new Map());
  });

  it('a pledge row that does not parse is STORAGE_DATA_INVALID, as for get', async () => {
    await tables.client('Pledges').upsertEntity({ partitionKey: encodeKeyPart('u-bad'), rowKey: 'c1', challengeIds: 'not json', help: '', createdAt: 'x', updatedAt: 'x' });
    await expect(pledges.forUsers('c1', ['u-01', 'u-bad'])).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });

  it('followUpAnswers.answeredBy names who answered that campaign\'s wave, not another wave or campaign', async () => {
    const all = [...PLAIN, ...ODD];
    expect([...(await answers.answeredBy('c1', 1, all))].sort()).toEqual(['u-02', 'u|pipe', 'ü-umlaut'].sort());
    expect([...(await answers.answeredBy('c1', 2, all))]).toEqual(['u-03']);
    expect([...(await answers.answeredBy('c2', 1, all))]).toEqual(['u-04']);
    expect(await answers.answeredBy('c1', 1, ['u-01', 'u-03'])).toEqual(new Set());
  });

  it('participants.forNudgeOf reads as getForNudge: a profile, a bad nudge time, a profile that does not parse, none', async () => {
    await participants.save(participant({ userId: 'u-time' }));
    await tables.client('Participants').updateEntity({ partitionKey: encodeKeyPart('u-time'), rowKey: 'profile', nudgeTime: '25:99' }, 'Merge');
    await participants.save(participant({ userId: 'u-broken' }));
    await tables.client('Participants').updateEntity({ partitionKey: encodeKeyPart('u-broken'), rowKey: 'profile', roles: 'not json' }, 'Merge');
    const asked = ['u-01', 'u-time', 'u-broken', 'u-gone', ...ODD];
    const reads = await participants.forNudgeOf(asked);
    for (const userId of asked) expect(reads.get(userId)).toEqual(await participants.getForNudge(userId));
    expect(reads.get('u-time')).toEqual({ invalid: 'nudge_time' });
    expect(reads.get('u-broken')).toEqual({ invalid: 'profile' });
    expect(reads.has('u-gone')).toBe(false);
    expect(reads.has('u-02')).toBe(false);
  });
});
