import type { TestAdapter } from 'botbuilder';
import { CHANGED_BY_UNKNOWN, type TeamCardChannel } from '@soestainable/shared/domain/owners';
import { myDataTexts } from '@soestainable/bot/features/myData/texts';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import { orgIdsOf, sweepPersonalRows } from '@soestainable/bot/services/personalData/erasure';
import { exportDocument } from '@soestainable/bot/services/personalData/exportDocument';
import { readStoredData } from '@soestainable/bot/services/personalData/storedData';
import { useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardTexts, executeActions } from '../../../helpers/cards';

/*
 * The two tables that hold a manager's id beside their own rows: `TeamCards.changedBy` (who typed `teamkaart aan/uit`
 * last) and `OrgTeams.managerIds`. Both are in "my data"'s download; "verwijder mijn gegevens" makes the switcher
 * unknown (the switch stays) and takes the person out of every team's managers (the team stays). Through the real
 * bot on Azurite.
 */

describe('my data: team cards switched and teams managed', () => {
  const h = useBotHarness();
  const org = 'soest';
  let seq = 0;

  const card = (teamsTeamId: string, orgTeamId: string, changedBy: string, enabled = true): TeamCardChannel => ({
    orgId: org,
    teamsTeamId,
    orgTeamId,
    enabled,
    changedBy,
    changedAt: '2026-11-30T08:15:00.000Z',
  });
  const team = (teamId: string, managerIds: string[]) => ({ orgId: org, teamId, name: `Team ${teamId}`, managerIds, demo: false });

  async function confirmDelete(adapter: TestAdapter): Promise<string[]> {
    const confirm = await replyCard(adapter, 'verwijder mijn gegevens');
    const yes = executeActions(confirm).find((a) => a['verb'] === MY_DATA_VERBS.deleteConfirm);
    if (!yes) throw new Error('the confirmation card has no confirm button');
    return cardTexts(await execute(adapter, MY_DATA_VERBS.deleteConfirm, (yes['data'] as Record<string, unknown> | undefined) ?? {}));
  }

  it('the download lists the team cards the person switched and the teams they manage, and nobody else’s', async () => {
    const n = ++seq;
    const userId = `aad-manager-data-${n}`;
    const adapter = await joinedAdapter(h, { userId });
    await h.repos.teamCards.save(card(`19:mine-on-${n}@thread`, `ta-${n}`, userId));
    await h.repos.teamCards.save(card(`19:mine-off-${n}@thread`, `tb-${n}`, userId, false));
    await h.repos.teamCards.save(card(`19:theirs-${n}@thread`, `tc-${n}`, 'aad-other-manager'));
    await h.repos.orgTeams.save(team(`ta-${n}`, ['aad-other-manager', userId]));
    await h.repos.orgTeams.save(team(`tb-${n}`, ['aad-other-manager']));

    const data = await readStoredData(h.repos, org, userId);
    const doc = exportDocument(data, new Date('2026-12-02T10:00:00Z'));
    expect(doc['teamCardsYouSwitched']).toEqual([
      { teamsTeamId: `19:mine-off-${n}@thread`, orgTeamId: `tb-${n}`, enabled: false, changedAt: '2026-11-30T08:15:00.000Z' },
      { teamsTeamId: `19:mine-on-${n}@thread`, orgTeamId: `ta-${n}`, enabled: true, changedAt: '2026-11-30T08:15:00.000Z' },
    ]);
    expect(doc['teamsYouManage']).toEqual([{ teamId: `ta-${n}`, name: `Team ta-${n}` }]);
    expect(JSON.stringify(doc)).not.toContain(`19:theirs-${n}@thread`);

    // "mijn gegevens" has a section for them: each team managed by name, and how many team cards they switched.
    const texts = cardTexts(await replyCard(adapter, 'mijn gegevens'));
    expect(texts).toEqual(expect.arrayContaining([myDataTexts.teamsHeading.nl, `Team ta-${n}`, myDataTexts.managerOf.nl, myDataTexts.teamCardsSwitched.nl, '2']));
    expect(texts).not.toContain(`Team tb-${n}`);
  });

  it.each(LANGS)('in %s: someone who manages no team and switched no team card sees no such section', async (lang) => {
    const adapter = await joinedAdapter(h, { userId: `aad-no-teams-${lang}`, language: lang });
    expect(cardTexts(await replyCard(adapter, lang === 'nl' ? 'mijn gegevens' : 'my data'))).not.toContain(myDataTexts.teamsHeading[lang]);
  });

  it('"verwijder mijn gegevens" makes the switcher unknown and takes the person out of the managers; a second sweep changes nothing', async () => {
    const n = ++seq;
    const userId = `aad-manager-erased-${n}`;
    const adapter = await joinedAdapter(h, { userId });
    const mine = card(`19:erase-mine-${n}@thread`, `te-${n}`, userId);
    const theirs = card(`19:erase-theirs-${n}@thread`, `te-${n}`, 'aad-keeps-switching');
    await h.repos.teamCards.save(mine);
    await h.repos.teamCards.save(theirs);
    await h.repos.orgTeams.save(team(`te-${n}`, [userId, 'aad-keeps-managing']));
    await h.repos.orgTeams.save(team(`tf-${n}`, [userId]));
    await h.repos.orgTeams.save(team(`tg-${n}`, ['aad-keeps-managing']));

    const deleted = await confirmDelete(adapter);
    expect(deleted).toEqual(expect.arrayContaining([myDataTexts.deletedTeamCards.nl, '1', myDataTexts.deletedManagedTeams.nl, '2']));

    // The switch stays (on, and when), only who made it is gone; someone else's switch is left alone.
    expect(await h.repos.teamCards.get(org, mine.teamsTeamId)).toEqual({ ...mine, changedBy: CHANGED_BY_UNKNOWN });
    expect(await h.repos.teamCards.get(org, theirs.teamsTeamId)).toEqual(theirs);
    expect(await h.repos.orgTeams.get(org, `te-${n}`)).toEqual(team(`te-${n}`, ['aad-keeps-managing']));
    expect(await h.repos.orgTeams.get(org, `tf-${n}`)).toEqual(team(`tf-${n}`, []));
    expect(await h.repos.orgTeams.get(org, `tg-${n}`)).toEqual(team(`tg-${n}`, ['aad-keeps-managing']));
    const after = await readStoredData(h.repos, org, userId);
    expect([after.teamCards, after.managedTeams]).toEqual([[], []]);

    // Another sweep of the same person (the erasure's second pass, a writer's fence, the retention job): nothing left.
    const cardsBefore = await h.repos.teamCards.list(org);
    const teamsBefore = await h.repos.orgTeams.list(org);
    const again = await sweepPersonalRows(h.repos, orgIdsOf(org, undefined), userId);
    expect([again.teamCards, again.managedTeams]).toEqual([0, 0]);
    expect(await h.repos.teamCards.list(org)).toEqual(cardsBefore);
    expect(await h.repos.orgTeams.list(org)).toEqual(teamsBefore);
  });

  it('two sweeps of the same person at once: each row changed once, none lost', async () => {
    const n = ++seq;
    const userId = `aad-manager-twice-${n}`;
    await h.repos.teamCards.save(card(`19:twice-${n}@thread`, `tt-${n}`, userId));
    await h.repos.orgTeams.save(team(`tt-${n}`, ['aad-first', userId, 'aad-last']));

    const [a, b] = await Promise.all([sweepPersonalRows(h.repos, [org], userId), sweepPersonalRows(h.repos, [org], userId)]);
    expect([a.teamCards + b.teamCards, a.managedTeams + b.managedTeams]).toEqual([1, 1]);
    expect((await h.repos.teamCards.get(org, `19:twice-${n}@thread`))?.changedBy).toBe(CHANGED_BY_UNKNOWN);
    expect((await h.repos.orgTeams.get(org, `tt-${n}`))?.managerIds).toEqual(['aad-first', 'aad-last']);
  });
});
