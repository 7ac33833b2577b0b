import { addCalendarDays, addWorkingDays, campaignDays, isWorkingDay } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves, filesBarrier, type KeptAnswer, type KeptAnswerInput, type Pledge } from '@soestainable/shared/domain/followUp';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Frequency, IsoDate, Survey, Theme, TravelMode } from '@soestainable/shared/domain/types';
import type { Repositories } from '../storage/repositories';
import { DEMO_LABEL, DEMO_TEAMS, type DemoTeam } from './demoData';
import { demoBaseline, demoCheckIn, seededRandom, type DemoPlan } from './demoPeople';

/*
 * The demo's earlier campaign (issue 15, item 6): the same teams did a challenge that ended about 17 weeks ago, with
 * nulmeting, check-ins, eindmeting, pledges and all three follow-up waves answered and final, so every view of
 * lasting behaviour has numbers. Relative to the clock, drawn from its own seeded random sequence.
 */

/**
 * Days between the earlier campaign's last challenge day and today: 17 weeks, so even the +12 weeks wave's answers
 * are final (it takes answers 4 weeks: last day + 112 days, a few more when holidays move the days), and the tab
 * shows the figures of all three waves. The retention job purges the raw check-ins at once (90 days after the end:
 * the team totals stay), but keeps the surveys, pledges, answers and the barriers they filed until RETENTION_DAYS
 * after the follow-ups end (about 200 days after the end), so the lasting views survive it.
 */
export const DEMO_EARLIER_DAYS_AGO = 119;

/** Chance that a participant answers a wave, per wave. */
const RESPONSE = [0.92, 0.88, 0.85] as const;
/** Kept shares per wave (ja, then soms; the rest nee): about 70 % ja at +2 weeks, falling to about 55 % at +12. */
const KEPT = [
  [0.72, 0.18],
  [0.63, 0.22],
  [0.55, 0.25],
] as const;
/**
 * How often each habit is picked for a pledge (the rest weigh 1): as in real follow-ups, most people pick the same
 * few (travel, one's own cup, screens and lights off, then lunch), so most teams' answers per habit reach the
 * minimum group size, while the rarely picked habits and the small Griffie stay hidden.
 */
const POPULAR: Readonly<Record<string, number>> = {
  'dag02-fiets-lopen-ov': 24,
  'dag01-eigen-beker': 22,
  'dag04-scherm-en-licht-uit': 20,
  'dag03-lunch-zonder-verpakking': 5,
};

/** Chance that a "soms" or "nee" comes with a text (and so files a barrier). */
const WITH_TEXT = 0.08;

/** What people wrote under "wat houdt je tegen?", per theme of the habit. */
const HOLDS_BACK: Readonly<Record<Theme, readonly string[]>> = {
  circulariteit: [
    'Mijn beker staat thuis in de vaatwasser en bij de automaat liggen nog steeds wegwerpbekers.',
    'Sinds de verbouwing is er op onze verdieping geen koelkast meer voor meegenomen lunch.',
    'Vergaderstukken komen nog vaak op papier, dus ik print ze toch.',
  ],
  energietransitie: [
    'In de winter is het donker en nat; de bus rijdt dan maar twee keer per uur.',
    'Op de werf kan ik mijn fiets nog steeds niet droog stallen.',
    'Mijn laptop moet aan blijven voor updates, dus het scherm gaat niet uit.',
  ],
  mvoi: ['Leveringen komen via het centrale magazijn; ik zie de verpakking niet meer.', 'De cateraar heeft het oude menu met losse verpakkingen terug.'],
};

/** What would help, on the pledge (some people write nothing). */
const HELP = [
  'Een herinnering in de teamchat, één keer per week.',
  'Mokken bij de koffieautomaat op de tweede verdieping.',
  'Als collega’s het ook doen, hou ik het makkelijker vol.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)] ?? list[0];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

/** The earlier campaign: ten working days ending {@link DEMO_EARLIER_DAYS_AGO} days back (or the working day before). */
function earlierPlan(plan: DemoPlan): { plan: DemoPlan; campaign: Campaign } {
  let last = addCalendarDays(plan.today, -DEMO_EARLIER_DAYS_AGO);
  while (!isWorkingDay(last)) last = addCalendarDays(last, -1);
  const startDate = addWorkingDays(last, -(CATALOGUE.length - 1));
  const days = campaignDays(startDate, CATALOGUE.length);
  const campaignId = `demo-${startDate}`;
  const earlier: DemoPlan = {
    ...plan,
    startDate,
    days,
    campaignId,
    joinedAt: new Date(`${addWorkingDays(startDate, -3)}T08:00:00Z`).toISOString(),
  };
  const campaign: Campaign = {
    orgId: plan.orgId,
    campaignId,
    name: { nl: `${DEMO_LABEL}Soestainable Challenge (eerste ronde)`, en: `${DEMO_LABEL}Soestainable Challenge (first round)` },
    startDate,
    endDate: days.at(-1) ?? startDate,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'ended',
    demo: true,
  };
  return { plan: earlier, campaign };
}

/** The eindmeting: the nulmeting's answers, a little greener after the challenge. */
function endSurvey(random: () => number, baseline: Survey, at: string): Survey {
  const drives = baseline.commuteMode === 'auto' || baseline.commuteMode === 'eauto';
  const commuteMode: TravelMode = drives && random() < 0.25 ? pick(random, ['fiets', 'ebike', 'ov'] as const) : baseline.commuteMode;
  const less: Readonly<Record<Frequency, Frequency>> = { daily: 'often', often: 'sometimes', sometimes: 'never', never: 'never' };
  return {
    ...baseline,
    kind: 'end',
    commuteMode,
    disposablePackaging: random() < 0.5 ? less[baseline.disposablePackaging] : baseline.disposablePackaging,
    screensOffAtNight: baseline.screensOffAtNight || random() < 0.5,
    lightsOffWhenLeaving: baseline.lightsOffWhenLeaving || random() < 0.4,
    createdAt: at,
  };
}

/** One habit drawn by {@link POPULAR}'s weights from those not picked yet. */
function weightedPick(random: () => number, from: readonly string[]): string {
  const weight = (id: string) => POPULAR[id] ?? 1;
  let left = random() * from.reduce((n, id) => n + weight(id), 0);
  for (const id of from) {
    left -= weight(id);
    if (left < 0) return id;
  }
  return pick(random, from);
}

/** 1–3 distinct habits of the catalogue, mostly the popular ones, and sometimes what would help. */
function pledgeOf(random: () => number, userId: string, campaignId: string, at: string): Pledge {
  const count = random() < 0.15 ? 1 : random() < 0.5 ? 2 : 3;
  const ids: string[] = [];
  while (ids.length < count) ids.push(weightedPick(random, CATALOGUE.map((c) => c.id).filter((id) => !ids.includes(id))));
  return { userId, campaignId, challengeIds: ids, ...(random() < 0.3 ? { help: pick(random, HELP) } : {}), createdAt: at, updatedAt: at };
}

/** Per habit one "stickiness" draw, so a habit that slips stays slipped more often than not, as in real follow-ups. */
function keptAt(stickiness: number, wave: number): KeptAnswer {
  const [ja, soms] = KEPT[wave - 1] ?? KEPT[KEPT.length - 1] ?? [0.5, 0.25];
  return stickiness < ja ? 'ja' : stickiness < ja + soms ? 'soms' : 'nee';
}

interface LastingCounts {
  checkIns: number;
  endSurveys: number;
  pledges: number;
  answers: number;
  barriers: number;
}

/** One member of the earlier campaign: nulmeting, check-ins, eindmeting, pledge and follow-up answers (with barriers). */
async function seedMember(repos: Repositories, plan: DemoPlan, campaign: Campaign, team: DemoTeam, member: Participant, counts: LastingCounts): Promise<void> {
  const { random } = plan;
  const baseline = { ...demoBaseline(plan, member), createdAt: plan.joinedAt };
  await repos.surveys.save(baseline);
  // Drawn in order first; then written in parallel: each day touches its own aggregate row.
  const checkIns = plan.days.flatMap((date, index) => {
    const checkIn = random() > team.participation ? undefined : demoCheckIn(plan, team, member, baseline, index, date);
    return checkIn ? [checkIn] : [];
  });
  await Promise.all(checkIns.map(async (checkIn) => {
    await repos.checkIns.save(checkIn, null);
    await repos.dailyAggregates.apply(checkIn);
  }));
  counts.checkIns += checkIns.length;
  // Most people fill in the end card on the last day; those who do pledge.
  if (member.status !== 'active' || random() > 0.85) return;
  const endedAt = new Date(`${campaign.endDate}T14:00:00Z`).toISOString();
  await repos.surveys.save(endSurvey(random, baseline, endedAt));
  const pledge = pledgeOf(random, member.userId, campaign.campaignId, endedAt);
  await repos.pledges.save(pledge);
  counts.endSurveys++;
  counts.pledges++;
  const stickiness = pledge.challengeIds.map(() => random());
  for (const wave of campaignWaves(campaign)) {
    if (wave.sendOn >= plan.today || random() > (RESPONSE[wave.wave - 1] ?? 0.8)) continue;
    const answers: KeptAnswerInput[] = pledge.challengeIds.map((challengeId, i) => {
      const kept = keptAt(stickiness[i] ?? 0, wave.wave);
      const theme = CATALOGUE.find((c) => c.id === challengeId)?.theme ?? 'circulariteit';
      return kept !== 'ja' && random() < WITH_TEXT ? { challengeId, kept, holdsBack: pick(random, HOLDS_BACK[theme]) } : { challengeId, kept };
    });
    await repos.followUpAnswers.create({ userId: member.userId, campaignId: campaign.campaignId, wave: wave.wave, answers, answeredAt: `${wave.sendOn}T${10 + Math.floor(random() * 6)}:00:00.000Z` });
    counts.answers++;
    for (const a of answers.filter(filesBarrier)) {
      const theme = CATALOGUE.find((c) => c.id === a.challengeId)?.theme ?? 'circulariteit';
      // As the pulse files it: anonymous, the pledge's theme, the person's team, on the wave's day.
      await repos.barriers.create({ orgId: plan.orgId, campaignId: campaign.campaignId, teamId: team.teamId, theme, text: a.holdsBack ?? '', demo: true, filedOn: new Date(`${wave.sendOn}T12:00:00Z`) });
      counts.barriers++;
    }
  }
}

/**
 * One team in the earlier campaign: its members (as seeded for the running one) and its recorded group per day. Each
 * team draws from its own seeded sequence, so the teams can be written in parallel and still give the same demo.
 */
async function seedTeam(repos: Repositories, earlier: DemoPlan, campaign: Campaign, team: DemoTeam, counts: LastingCounts): Promise<void> {
  const plan: DemoPlan = { ...earlier, random: seededRandom(`${earlier.orgId}|${earlier.startDate}|${team.teamId}`) };
  const members: Participant[] = [];
  for (const { userId } of await repos.participants.listTeamMembers(team.teamId)) {
    const member = await repos.participants.get(userId);
    if (member?.demo) members.push(member);
  }
  members.sort((a, b) => (a.userId < b.userId ? -1 : 1));
  for (const member of members) await seedMember(repos, plan, campaign, team, member, counts);
  const active = members.filter((m) => m.status === 'active').length;
  await Promise.all(plan.days.map((date) => repos.dailyAggregates.recordParticipants(campaign.campaignId, team.teamId, date, active)));
}

/** What the earlier campaign holds, for the seed's summary line. */
export interface DemoLastingSummary extends LastingCounts {
  readonly campaignId: string;
  readonly lastDay: IsoDate;
}

/**
 * Writes the earlier campaign through the real repositories, after the running campaign's teams and people exist.
 * Status `ended`, so the running campaign stays the current one everywhere (`campaigns.active`, `dayState`, the
 * tab's campaign, the report). Demo participants have no conversation reference: no job messages anyone about it.
 */
export async function seedDemoLasting(repos: Repositories, current: DemoPlan): Promise<DemoLastingSummary> {
  const { plan, campaign } = earlierPlan(current);
  await repos.campaigns.save(campaign);
  const counts: LastingCounts = { checkIns: 0, endSurveys: 0, pledges: 0, answers: 0, barriers: 0 };
  // Teams in parallel (each touches its own aggregate rows); members of one team in order.
  await Promise.all(DEMO_TEAMS.map((team) => seedTeam(repos, plan, campaign, team, counts)));
  return { campaignId: campaign.campaignId, lastDay: campaign.endDate, ...counts };
}
