import { join } from 'node:path';
import type { CampaignAdminResponse } from '@soestainable/shared/api/admin';
import type { InboxResponse } from '@soestainable/shared/api/inbox';
import { addWorkingDays } from '@soestainable/shared/calendar';
import { CATALOGUE, DISTANCE_BAND_LABELS, FREQUENCY_LABELS, keepPhrase, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue';
import { campaignWaves } from '@soestainable/shared/domain/followUp';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { LANGUAGE_NAMES } from '@soestainable/bot/features/core/cards';
import { enrolTexts } from '@soestainable/bot/features/enrol/texts';
import { followUpTexts } from '@soestainable/bot/features/followUp/texts';
import { lastingTexts } from '@soestainable/bot/features/lasting/texts';
import { DEMO_COORDINATOR_ID, DEMO_LABEL, DEMO_TEAMS } from '@soestainable/bot/seed/demoData';
import { squash, type BotMessage } from './helpers/playground';
import { openStory } from './helpers/story';

/**
 * Issue 15's "done when" in the Microsoft 365 Agents Playground (the built `npm start` stack in Debian's headless
 * Chromium): a new user joins the running demo campaign, gets the end card on its last day from the nudges job
 * (POST /api/jobs/nudges with `at`), answers it and pledges two habits on the card, gets exactly one pulse per wave
 * at +2, +6 and +12 weeks from the followups job (POST /api/jobs/followups with `at`, each run twice), and answers
 * one "nee" with a text that then shows up in the coordinator's barrier inbox (GET /api/inbox, dev sign-in).
 *
 * The stack's clock (DEV_CLOCK) starts on a Wednesday. The coordinator first moves the demo campaign through the
 * admin API (PUT /api/admin/campaign) so that today is its last challenge day; then, as time would pass, the stack's
 * clock moves to each wave's day (POST /api/dev/clock), where the followups job sends the pulse and the bot takes
 * the answer. The campaign's dates stay put after that: once a wave went out, the admin API refuses to move them.
 * The jobs, the cards, the claims and the checks are the real ones.
 */
const root = join(__dirname, '..', '..');
const SHOTS = join(root, 'test-results', 'e2e-lasting');

/** Wednesday 2 Dec 2026; the waves' days around it are ordinary working days (no holiday moves a wave). */
const TODAY: IsoDate = '2026-12-02';
const DEV_CLOCK = `${TODAY}T08:00:00+01:00`;
/** After everyone's 09:00 nudge time, today. */
const JOB_AT = `${TODAY}T09:05+01:00`;
const JOBS_KEY = 'e2e-lasting-jobs-key-0123456789abcdef';
const TEAM = `${DEMO_LABEL}${DEMO_TEAMS[0]?.name ?? ''}`;
const HOLDS_BACK = 'de kantine heeft geen bakjes om eten mee te nemen';
const [FIRST, SECOND] = CATALOGUE.map((c) => keepPhrase(c).nl) as [string, string];

let coordinatorToken = '';
const story = openStory({
  shots: SHOTS,
  extraEnv: { DEV_CLOCK, JOBS_KEY, SCHEDULER: '0' },
  ready: async (s) => {
    coordinatorToken = (await s.server<{ token: string }>('POST', '/api/dev/session', { body: { userId: DEMO_COORDINATOR_ID, role: 'coordinator' } })).token;
  },
});
const { step, server, pg, newMessages } = story;

/**
 * Triggers a job as an external timer that fires at `at`: the stack's clock moves there first (POST /api/dev/clock),
 * as the route refuses an `at` more than 60 s after the server's clock.
 */
const runJob = async (name: 'nudges' | 'followups', at = JOB_AT) => {
  await server('POST', '/api/dev/clock', { token: JOBS_KEY, body: { at } });
  return server<{ runs: { kind: string; sent: number }[]; skippedBecause?: string }>('POST', `/api/jobs/${name}`, { token: JOBS_KEY, body: { at } });
};

const sentBy = (summary: { runs: { sent: number }[] }): number => summary.runs.reduce((n, r) => n + r.sent, 0);

/** The running demo campaign once moved so that today is its last challenge day (before any of its waves). */
let moved: Campaign | undefined;
const campaign = (): Campaign => {
  if (!moved) throw new Error('the campaign was not moved to end today');
  return moved;
};

/** Moves the running demo campaign so that its last challenge day is `lastDay` (ten working days ending there). */
async function moveCampaign(lastDay: IsoDate): Promise<Campaign> {
  const admin = await server<CampaignAdminResponse>('GET', '/api/admin/campaign', { token: coordinatorToken });
  const current = admin.current;
  if (!current) throw new Error('no running campaign to move');
  const startDate = addWorkingDays(lastDay, -(current.dayPlan.length - 1));
  const body = { campaignId: current.campaignId, name: current.name, startDate, endDate: lastDay, closingDays: [] };
  await server('PUT', '/api/admin/campaign', { token: coordinatorToken, body, headers: { 'If-Match': current.etag } });
  return { orgId: 'soest', campaignId: current.campaignId, name: current.name, startDate, endDate: lastDay, dayPlan: current.dayPlan, closingDays: [], status: current.status, demo: current.demo };
}



describe('issue 15 in the Agents Playground: end card, two pledges, one pulse per wave, a "nee" in the inbox', () => {
  step('join the running campaign', async () => {
    await pg().greetings();
    const card = await pg().send('doe mee');
    await card.expectTexts('enrolment card', [enrolTexts.titleNew.en]);
    await card.choose(enrolTexts.team.en, TEAM);
    await card.pick(enrolTexts.language.en, LANGUAGE_NAMES.nl);
    await card.choose(enrolTexts.commuteMode.en, TRAVEL_MODE_LABELS.auto.en);
    await card.choose(enrolTexts.distanceBand.en, DISTANCE_BAND_LABELS['5-10'].en);
    await card.pick(enrolTexts.packaging.en, FREQUENCY_LABELS.often.en);
    await card.submit('enrolment', enrolTexts.submitNew.en, [enrolTexts.joinedTitle.nl, TEAM]);
  });

  step('on the last challenge day the nudges job sends the nudge and the end card, once', async () => {
    moved = await moveCampaign(TODAY);
    const before = await pg().count();
    const summary = await runJob('nudges');
    expect(summary.runs.map((r) => [r.kind, r.sent])).toEqual([
      ['nudge', 1],
      ['end', 1],
    ]);
    // Again: nothing (this process remembers the minutes done; the claims would stop a resend anyway).
    expect(sentBy(await runJob('nudges'))).toBe(0);
    const messages = await newMessages(before, 2);
    expect(messages).toHaveLength(2);
    await messages[1]?.expectTexts('end card', [lastingTexts.endTitle.nl, lastingTexts.pledgeLabel.nl, FIRST, SECOND]);
  });

  step('the end card answered with two pledges, replaced in place by the summary', async () => {
    const card = pg().message((await pg().count()) - 1);
    await card.choose(enrolTexts.commuteMode.nl, TRAVEL_MODE_LABELS.fiets.nl);
    await card.choose(enrolTexts.distanceBand.nl, DISTANCE_BAND_LABELS['5-10'].nl);
    await card.pick(enrolTexts.packaging.nl, FREQUENCY_LABELS.sometimes.nl);
    // The habits are a multi-select: a checkbox each, named by the question and its "keep it" phrase.
    for (const habit of [FIRST, SECOND]) await card.card.getByRole('checkbox', { name: `${lastingTexts.pledgeLabel.nl} ${habit}`, exact: true }).check();
    await card.submit('end card', lastingTexts.submit.nl, [lastingTexts.savedTitle.nl, FIRST, SECOND]);
  });

  for (const [i, weeks] of [2, 6, 12].entries()) {
    const wave = i + 1;
    step(`wave ${wave} (+${weeks} weeks): exactly one pulse, however often the job runs`, async () => {
      // Time passes: the stack's clock moves to the wave's day (POST /api/dev/clock), so the pulse goes out and can
      // be answered on it, as weeks later in Teams. The campaign's dates stay: they are fixed once a wave went out.
      const sendOn = campaignWaves(campaign())[i]?.sendOn;
      if (sendOn === undefined) throw new Error(`the campaign has no wave ${wave}`);
      await server('POST', '/api/dev/clock', { token: JOBS_KEY, body: { at: `${sendOn}T09:05+01:00` } });
      const before = await pg().count();
      expect(sentBy(await runJob('followups', `${sendOn}T09:05+01:00`))).toBe(1);
      expect(sentBy(await runJob('followups', `${sendOn}T09:05+01:00`))).toBe(0);
      expect(sentBy(await runJob('followups', `${sendOn}T11:00+01:00`))).toBe(0);
      const messages = await newMessages(before, 1);
      expect(messages).toHaveLength(1);
      const title = t(followUpTexts.title, 'nl', { weeks });
      const pulse = messages[0] as BotMessage;
      const text = await pulse.expectTexts(`pulse ${wave}`, [title, followUpTexts.keptLabel.nl, FIRST, SECOND]);
      expect(squash(text)).toContain(squash(FIRST));
      if (wave !== 2) return;
      // Wave 2: the first habit kept, the second not, with what holds them back.
      const kept = pulse.card.getByRole('radiogroup', { name: followUpTexts.keptLabel.nl });
      await kept.nth(0).getByRole('radio', { name: followUpTexts.ja.nl, exact: true }).check();
      await kept.nth(1).getByRole('radio', { name: followUpTexts.nee.nl, exact: true }).check();
      await pulse.card.getByRole('textbox', { name: followUpTexts.holdsBackLabel.nl }).nth(1).fill(HOLDS_BACK);
      await pulse.submit('pulse 2', followUpTexts.submit.nl, [followUpTexts.savedTitle.nl, HOLDS_BACK, followUpTexts.barrierAnonymous.nl]);
    });
  }

  step('the "nee" with its text is in the coordinator\'s barrier inbox, anonymous', async () => {
    // Signed in again: twelve weeks have passed on the stack's clock.
    const token = (await server<{ token: string }>('POST', '/api/dev/session', { body: { userId: DEMO_COORDINATOR_ID, role: 'coordinator' } })).token;
    const inbox = await server<InboxResponse>('GET', '/api/inbox', { token });
    const texts = inbox.groups.flatMap((g) => g.barriers.map((b) => b.text));
    expect(texts).toContain(HOLDS_BACK);
  });
});
