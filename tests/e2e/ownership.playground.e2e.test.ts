import { join } from 'node:path';
import type { TeamsAdminResponse } from '@soestainable/shared/api/admin';
import type { BarrierItem, BarriersResponse, RecognitionResponse } from '@soestainable/shared/api/barriers';
import type { TriageResponse } from '@soestainable/shared/api/inbox';
import type { ActionDetailResponse } from '@soestainable/shared/api/programme';
import type { DevUsersResponse } from '@soestainable/shared/api/session';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { nextStatuses } from '@soestainable/shared/domain/programme';
import type { ActionStatus } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { LANGUAGE_NAMES } from '@soestainable/bot/features/core/cards';
import { enrolTexts } from '@soestainable/bot/features/enrol/texts';
import { recogniseTexts } from '@soestainable/bot/features/recognise/texts';
import { reportsTexts } from '@soestainable/bot/features/reports/texts';
import { teamCardTexts } from '@soestainable/bot/features/teamCard/texts';
import { teamCardJobTexts } from '@soestainable/bot/jobs/teamcards/texts';
import { ownerTexts } from '@soestainable/bot/services/owners/texts';
import { DEMO_COORDINATOR_ID, DEMO_LABEL, DEMO_TEAMS } from '@soestainable/bot/seed/demoData';
import { PlaygroundChannel, squash, WAIT_MS } from './helpers/playground';
import { openStory } from './helpers/story';

/**
 * Issue 16's "done when" in the Microsoft 365 Agents Playground (the built `npm start` stack in Debian's headless
 * Chromium). The Playground talks as one person; what the others do goes through the tab API with dev sign-in
 * tokens, as the tab would:
 * 1. "Herken ik": the Playground user reports a barrier, two colleagues recognise it (PUT
 *    /api/barriers/:id/recognition), `prikkels` shows it with the exact count, "Herken ik" on another barrier updates
 *    the card in place with its new count, and a look-alike report is offered the existing barrier.
 * 2. Owners: the coordinator names the Playground user owner of an action (inbox create-action, PATCH
 *    /api/actions/:id), the owners job (POST /api/jobs/owners) sends the owner card once, the user sets a status and
 *    an update on it, the card is replaced in place, and the action's timeline shows both (GET /api/actions/:id).
 * 3. The team card: the Playground's team channel ("My Team" › "General"); `@bot teamkaart aan <team>` is refused
 *    before the coordinator names the user manager of that team and accepted after; the teamcards job on Monday
 *    09:00 posts one card into the channel, a second run none. The team is a new (non-demo) one, as demo teams are
 *    never messaged.
 */
const root = join(__dirname, '..', '..');
const SHOTS = join(root, 'test-results', 'e2e-ownership');

/** Wednesday 2 Dec 2026, a working day of the demo campaign (it starts five working days before "today"). */
const DEV_CLOCK = '2026-12-02T08:00:00+01:00';
const JOB_AT = '2026-12-02T09:05+01:00';
/** The Monday after: the teamcards job reports on the week before (a campaign week). */
const MONDAY_AT = '2026-12-07T09:00+01:00';
const JOBS_KEY = 'e2e-ownership-jobs-key-0123456789abcdef';

/**
 * The smallest demo team (few open barriers of its own): its list shows all of them, so what the user and the
 * colleagues see does not depend on the demo's random counts. In a team with many recognised barriers a new one gets
 * only the "newest" slot, which same-day reports share (reports carry only their day).
 */
const DEMO_TEAM = DEMO_TEAMS.find((team) => team.teamId === 'demo-griffie');
const TEAM_ID = DEMO_TEAM?.teamId ?? '';
const TEAM = `${DEMO_LABEL}${DEMO_TEAM?.name ?? ''}`;
/** The user's barrier, and a later report that looks like it (and like no demo barrier). */
const BARRIER = 'Bij de vergaderzalen staan alleen flesjes water, geen kannen met kraanwater.';
const LOOK_ALIKE = 'In de vergaderzalen krijgen we flesjes water in plaats van kannen kraanwater.';
const ACTION_TITLE = 'Kannen kraanwater in elke vergaderzaal';
const OWNER_UPDATE = 'Twintig kannen besteld bij Facilitair';
/** A new organisation team (not a demo team) for the channel card. */
const CHANNEL_TEAM = 'Kanaalteam Playground';

let coordinatorToken = '';
const story = openStory({
  shots: SHOTS,
  extraEnv: { DEV_CLOCK, JOBS_KEY, SCHEDULER: '0' },
  ready: async () => {
    coordinatorToken = await signIn(DEMO_COORDINATOR_ID, 'coordinator');
  },
});
const { step, server, pg, newMessages } = story;

/** Shared between the steps. */
const seen: { userId?: string; userToken?: string; barrierId?: string; item?: BarrierItem | undefined; actionId?: string; toStatus?: ActionStatus | undefined } = {};

const signIn = async (userId: string, role: 'employee' | 'manager' | 'coordinator'): Promise<string> =>
  (await server<{ token: string }>('POST', '/api/dev/session', { body: { userId, role } })).token;

/**
 * Triggers a job as an external timer that fires at `at`: the stack's clock moves there first (POST /api/dev/clock),
 * as the route refuses an `at` more than 60 s after the server's clock.
 */
const runJob = async (name: 'owners' | 'teamcards', at: string) => {
  await server('POST', '/api/dev/clock', { token: JOBS_KEY, body: { at } });
  return server<{ runs: { kind: string; sent: number }[]; skippedBecause?: string }>('POST', `/api/jobs/${name}`, { token: JOBS_KEY, body: { at } });
};

const sentBy = (summary: { runs: { sent: number }[] }): number => summary.runs.reduce((n, r) => n + r.sent, 0);

/** The barriers a person's `prikkels` list shows, from the tab API (the same list as the bot's card). */
const boardOf = async (token: string): Promise<readonly BarrierItem[]> => (await server<BarriersResponse>('GET', '/api/barriers', { token })).items;

/** How the card shows one barrier, in its order: text, theme and status, linked action, count. */
function itemLine(item: BarrierItem, count: number): string {
  const status = t(BARRIER_STATUS_LABELS[item.status], 'nl');
  const parts = [
    item.text,
    t(recogniseTexts.themeStatus, 'nl', { theme: t(THEME_LABELS[item.theme], 'nl'), status }),
    ...(item.action === null ? [] : [t(recogniseTexts.action, 'nl', { title: item.action.nl })]),
    count === 0 ? t(recogniseTexts.noCount, 'nl') : t(recogniseTexts.count, 'nl', { count }),
  ];
  return squash(parts.join(' '));
}

/** Reports a barrier with `prikkel: …` and sends the card as it comes (theme guessed, no contact). */
async function report(text: string, followUps: number): Promise<void> {
  const card = await pg().send(`prikkel: ${text}`);
  await card.expectTexts('barrier card', [reportsTexts.barrierTitle.nl]);
  const send = card.card.getByRole('button', { name: reportsTexts.send.nl, exact: true });
  await card.press('barrier', send, [reportsTexts.barrierThanks.nl, text], { followUps });
}



describe('issue 16 in the Agents Playground: "herken ik", owners acting from Teams, the team channel card', () => {
  step('join the running campaign in a demo team, in Dutch', async () => {
    await pg().greetings();
    const install = await pg().activity(/installationUpdate \d{3}/);
    const userId = install === undefined ? undefined : (JSON.parse(install) as { from?: { aadObjectId?: string } }).from?.aadObjectId;
    if (!userId) throw new Error(`the Playground's installationUpdate has no from.aadObjectId:\n${install ?? '(none)'}`);
    seen.userId = userId;
    const card = await pg().send('doe mee');
    await card.expectTexts('enrolment card', [enrolTexts.titleNew.en]);
    await card.choose(enrolTexts.team.en, TEAM);
    await card.pick(enrolTexts.language.en, LANGUAGE_NAMES.nl);
    await card.choose(enrolTexts.commuteMode.en, TRAVEL_MODE_LABELS.fiets.en);
    await card.choose(enrolTexts.distanceBand.en, DISTANCE_BAND_LABELS['5-10'].en);
    await card.pick(enrolTexts.packaging.en, FREQUENCY_LABELS.sometimes.en);
    await card.submit('enrolment', enrolTexts.submitNew.en, [enrolTexts.joinedTitle.nl, TEAM]);
    seen.userToken = await signIn(userId, 'employee');
  });

  step('"prikkel: …" files the barrier; nothing looks like it yet, so nothing is offered', async () => {
    await report(BARRIER, 0);
    const board = await boardOf(seen.userToken ?? '');
    const mine = board.find((b) => b.text === BARRIER);
    if (!mine) throw new Error(`the new barrier is not on the user's own list:\n${JSON.stringify(board, null, 2)}`);
    expect(mine).toMatchObject({ status: 'nieuw', recognitions: 0, mine: false, open: true });
    seen.barrierId = mine.barrierId;
  });

  step('two colleagues of the team recognise it in the tab; the count is exact, a second press counts once', async () => {
    const { users } = await server<DevUsersResponse>('GET', '/api/dev/users');
    const colleagues = users.filter((u) => u.teamId === TEAM_ID && u.userId !== seen.userId && !u.roles.includes('manager') && !u.roles.includes('coordinator')).slice(0, 2);
    expect(colleagues).toHaveLength(2);
    for (const [i, colleague] of colleagues.entries()) {
      const token = await signIn(colleague.userId, 'employee');
      // The colleague finds it on their own list (same team), as on the tab's Prikkels page.
      const theirs = await boardOf(token);
      if (!theirs.some((b) => b.barrierId === seen.barrierId)) throw new Error(`${colleague.userId} (${colleague.teamId}) does not see the barrier:\n${JSON.stringify(theirs, null, 2)}\nthe user sees:\n${JSON.stringify(await boardOf(seen.userToken ?? ''), null, 2)}`);
      const path = `/api/barriers/${encodeURIComponent(seen.barrierId ?? '')}/recognition`;
      const first = await server<RecognitionResponse>('PUT', path, { token, body: { on: true } });
      expect(first).toMatchObject({ outcome: 'recognised', item: { recognitions: i + 1, mine: true } });
      const again = await server<RecognitionResponse>('PUT', path, { token, body: { on: true } });
      expect(again).toMatchObject({ outcome: 'already', item: { recognitions: i + 1 } });
    }
  });

  step('"prikkels" shows the barrier with exactly 2; "Herken ik" on another one updates the card in place', async () => {
    const board = await boardOf(seen.userToken ?? '');
    const mine = board.find((b) => b.barrierId === seen.barrierId);
    seen.item = mine;
    // One whose text is on the list once (the demo's follow-ups filed some texts more than once), so its button is found.
    const other = board.find((b) => b.barrierId !== seen.barrierId && b.open && !b.mine && board.filter((x) => x.text === b.text).length === 1);
    if (!mine || !other) throw new Error(`the user's list lacks the barrier or another open one:\n${JSON.stringify(board, null, 2)}`);
    expect(mine.recognitions).toBe(2);

    const card = await pg().send('prikkels');
    await card.expectTexts('barriers card', [recogniseTexts.title.nl, itemLine(mine, 2), itemLine(other, other.recognitions)]);
    // The other barrier's own button: the first "Herken ik" after its text (each item: text, facts, then its buttons).
    const button = card.card.getByText(other.text, { exact: true }).locator(`xpath=following::button[normalize-space(.)="${recogniseTexts.recognise.nl}"][1]`);
    const text = await card.press('herken ik', button, [recogniseTexts.doneRecognised.nl, itemLine(other, other.recognitions + 1), itemLine(mine, 2)]);
    // Now it is the user's: the card offers to withdraw it instead.
    expect(text).toContain(squash(`${itemLine(other, other.recognitions + 1)} ${recogniseTexts.withdraw.nl}`));
    const after = (await boardOf(seen.userToken ?? '')).find((b) => b.barrierId === other.barrierId);
    expect(after).toMatchObject({ recognitions: other.recognitions + 1, mine: true });
  });

  step('a look-alike report is filed and offered the existing barrier with its count and "Herken ik"', async () => {
    const before = await pg().count();
    await report(LOOK_ALIKE, 1);
    const [offered] = await newMessages(before + 1, 1);
    if (!offered) throw new Error('no card offered after the look-alike report');
    // As the list showed it a step ago (the team's newer report may push it off the list itself).
    const mine = seen.item;
    if (!mine) throw new Error('the first barrier was not on the list');
    await offered.expectTexts('look-alikes', [recogniseTexts.similarTitle.nl, itemLine(mine, 2), recogniseTexts.recognise.nl]);
    expect(await offered.text()).not.toContain(squash(LOOK_ALIKE));
  });

  step('the coordinator names the user owner; the owners job sends the owner card once', async () => {
    const created = await server<TriageResponse>('POST', '/api/inbox/create-action', {
      token: coordinatorToken,
      body: { barrierIds: [seen.barrierId], action: { title: { nl: ACTION_TITLE }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' } },
    });
    const actionId = created.action?.actionId;
    if (!actionId) throw new Error(`create-action made no action: ${JSON.stringify(created)}`);
    seen.actionId = actionId;
    const detail = await server<ActionDetailResponse>('GET', `/api/actions/${actionId}`, { token: coordinatorToken });
    await server('PATCH', `/api/actions/${actionId}`, { token: coordinatorToken, headers: { 'if-match': detail.action.etag }, body: { ownerUserId: seen.userId } });
    seen.toStatus = nextStatuses(detail.action.status).find((s) => s !== 'geparkeerd');

    const before = await pg().count();
    expect(sentBy(await runJob('owners', JOB_AT))).toBe(1);
    expect(sentBy(await runJob('owners', JOB_AT))).toBe(0);
    const messages = await newMessages(before, 1);
    expect(messages).toHaveLength(1);
    await messages[0]?.expectTexts('owner card', [ownerTexts.heading.nl, ACTION_TITLE, ownerTexts.introNew.nl, t(ownerTexts.barriersHeading, 'nl', { count: 1 }), BARRIER]);
  });

  step('the owner sets a status and an update on the card; it is replaced in place, the timeline shows both', async () => {
    const to = seen.toStatus;
    if (!to) throw new Error('no next status');
    const card = pg().message((await pg().count()) - 1);
    await card.choose(ownerTexts.statusLabel.nl, t(ACTION_STATUS_LABELS[to], 'nl'));
    await card.card.getByRole('textbox', { name: ownerTexts.updateLabel.nl }).fill(OWNER_UPDATE);
    const text = await card.submit('owner update', ownerTexts.save.nl, [ownerTexts.saved.nl, `${ownerTexts.status.nl} ${t(ACTION_STATUS_LABELS[to], 'nl')}`]);
    expect(text).not.toContain(squash(ownerTexts.introNew.nl));

    const detail = await server<ActionDetailResponse>('GET', `/api/actions/${seen.actionId ?? ''}`, { token: seen.userToken ?? '' });
    expect(detail.action.status).toBe(to);
    const byOwner = detail.timeline.filter((e) => e.author === seen.userId);
    expect(byOwner).toEqual(expect.arrayContaining([expect.objectContaining({ toStatus: to }), expect.objectContaining({ text: OWNER_UPDATE })]));
  });

  step('in the team channel "teamkaart aan" is refused until the coordinator names the user manager, then on', async () => {
    const teams = await server<TeamsAdminResponse>('GET', '/api/admin/teams', { token: coordinatorToken });
    const list = teams.teams.map((team) => ({ teamId: team.teamId, name: team.name, managerIds: [...team.managerIds] }));
    await server('PUT', '/api/admin/teams', { token: coordinatorToken, body: { teams: [...list, { name: CHANNEL_TEAM, managerIds: [] }] } });

    const channel = new PlaygroundChannel(pg().page);
    await channel.open();
    await channel.post(`teamkaart aan ${CHANNEL_TEAM}`);
    await channel.expectText('not a manager', t(teamCardTexts.politeNo, 'nl', { team: CHANNEL_TEAM }));

    const now = await server<TeamsAdminResponse>('GET', '/api/admin/teams', { token: coordinatorToken });
    const named = now.teams.map((team) => ({ teamId: team.teamId, name: team.name, managerIds: team.name === CHANNEL_TEAM ? [seen.userId ?? ''] : [...team.managerIds] }));
    await server('PUT', '/api/admin/teams', { token: coordinatorToken, body: { teams: named } });
    await channel.post(`teamkaart aan ${CHANNEL_TEAM}`);
    await channel.expectText('switched on', t(teamCardTexts.switchedOn, 'nl', { team: CHANNEL_TEAM }));
  });

  step('the teamcards job on Monday 09:00 posts one card into the channel; a second run none', async () => {
    const channel = new PlaygroundChannel(pg().page);
    const title = t(teamCardJobTexts.title, 'nl', { team: CHANNEL_TEAM });
    expect(await channel.cardsWith(title)).toBe(0);
    expect(sentBy(await runJob('teamcards', MONDAY_AT))).toBe(1);
    await pg().page.locator('.ac-adaptiveCard').filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    expect(sentBy(await runJob('teamcards', '2026-12-07T09:05+01:00'))).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await channel.cardsWith(title)).toBe(1);
  });
});
