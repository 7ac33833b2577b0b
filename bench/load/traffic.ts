/**
 * The two kinds of request of the load, each checked for the right answer (a wrong answer counts as an error,
 * whatever its status): a check-in, the `Action.Execute` invoke Teams posts to /api/messages when someone presses
 * "Inchecken" on the daily card (shape as in tests/integration/server/checkinHttp.test.ts), answered with the
 * summary card in the HTTP response; and the tab's dashboard reads with a dev sign-in token.
 */
import { performance } from 'node:perf_hooks';
import type { OrgOverviewResponse, TeamDashboardResponse } from '@soestainable/shared/api/dashboard';
import type { Language } from '@soestainable/shared/domain/types';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { formatLongDate } from '@soestainable/bot/cards/format';
import { t } from '@soestainable/shared/text';
import type { HttpClient } from './http';
import { CAMPAIGN_ID, TENANT, TODAY, type Answers, type Person } from './org';

/**
 * A request that has not answered after this long counts as a timeout error: the Bot Framework Service gives a
 * bot 15 s to answer an activity before it gives up (and Teams shows the card action as failed); a tab user
 * waiting that long for a dashboard has given up too.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Why a request counts as an error: `HTTP <status>`, `wrong body: <what>`, `timeout` or `connection`. */
export type Failure = string;

export interface Outcome {
  /** Round-trip time from sending to the last byte of the body, ms. */
  readonly ms: number;
  readonly failure: Failure | undefined;
}

/** Sends, reads the whole body, and lets `check` judge it (`undefined` = right; otherwise what is wrong). */
async function timed(send: () => Promise<{ status: number; text: string }>, check: (body: unknown) => string | undefined): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await send();
    const ms = performance.now() - started;
    if (res.status !== 200) return { ms, failure: `HTTP ${res.status}` };
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      return { ms, failure: 'wrong body: not JSON' };
    }
    const wrong = check(body);
    return { ms, failure: wrong === undefined ? undefined : `wrong body: ${wrong}` };
  } catch (err) {
    const ms = performance.now() - started;
    if (err instanceof Error && err.name === 'AbortError') return { ms, failure: 'timeout' };
    const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
    return { ms, failure: `connection${code === undefined ? '' : ` (${code})`}` };
  }
}

function invokeActivity(person: Person, answers: Answers, serviceUrl: string, verb: string) {
  const data = {
    verb,
    campaignId: CAMPAIGN_ID,
    date: TODAY,
    outcome: answers.outcome,
    travelMode: answers.travelMode,
    distanceBand: answers.distanceBand,
    // Teams sends every input as a string.
    wasteFree: String(answers.wasteFree),
    challenge: String(answers.challenge),
    ...(answers.barrierText === undefined ? {} : { barrierText: answers.barrierText, barrierContact: 'false' }),
    ...(answers.ideaText === undefined ? {} : { ideaText: answers.ideaText }),
  };
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `invoke-${person.userId}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: person.language === 'en' ? 'en-GB' : 'nl-NL',
    from: { id: `29:${person.userId}`, aadObjectId: person.userId },
    recipient: { id: '28:soestainable' },
    conversation: { id: `conv-${person.userId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    replyToId: `card-${person.userId}`,
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

/** What the summary card of a first check-in must say, in the person's language. */
function expectedTexts(person: Person, answers: Answers): { must: string[]; mustNot: string[] } {
  const lang: Language = person.language;
  const must = [t(checkinTexts.summaryTitle, lang, { date: formatLongDate(TODAY, lang) })];
  if (answers.barrierText !== undefined) must.push(t(checkinTexts.barrierAnonymous, lang));
  // The reference is not known here: the wording up to it.
  if (answers.ideaText !== undefined) must.push(t(checkinTexts.ideaRecorded, lang, { reference: '\u0000' }).split('\u0000')[0] ?? '');
  // A first check-in is never "already recorded" or "changed meanwhile".
  return { must, mustNot: [t(checkinTexts.alreadyRecorded, lang), t(checkinTexts.changedMeanwhile, lang)] };
}


/** One person's check-in of today; right when the answer is the summary card of a first check-in. */
export function checkIn(client: HttpClient, base: string, serviceUrl: string, person: Person, answers: Answers): Promise<Outcome> {
  const { must, mustNot } = expectedTexts(person, answers);
  return timed(
    () => client.send('POST', `${base}/api/messages`, { body: invokeActivity(person, answers, serviceUrl, CHECKIN_VERBS.submit), timeoutMs: REQUEST_TIMEOUT_MS }),
    (body) => {
      const b = body as { statusCode?: unknown; type?: unknown; value?: { type?: unknown } };
      if (b.statusCode !== 200 || b.type !== 'application/vnd.microsoft.card.adaptive' || b.value?.type !== 'AdaptiveCard') return 'not a card';
      const card = JSON.stringify(b.value);
      if (!must.every((s) => card.includes(s)) || mustNot.some((s) => card.includes(s))) return 'not the summary';
      return undefined;
    },
  );
}

/**
 * A card action no feature owns (the bot answers with a short card, stores nothing): the warm-up of the whole
 * invoke path (adapter, identity, participant read) without writing a check-in.
 */
export function unknownAction(client: HttpClient, base: string, serviceUrl: string, person: Person, answers: Answers): Promise<Outcome> {
  return timed(
    () => client.send('POST', `${base}/api/messages`, { body: invokeActivity(person, answers, serviceUrl, 'load.warmup'), timeoutMs: REQUEST_TIMEOUT_MS }),
    (body) => ((body as { statusCode?: unknown }).statusCode === 200 ? undefined : 'not a card'),
  );
}

/** A dev sign-in token for `person` acting as `role` (the local stand-in for the tab's SSO token). */
export async function signIn(client: HttpClient, base: string, person: Person, role: 'employee' | 'manager' | 'coordinator'): Promise<string> {
  const res = await client.send('POST', `${base}/api/dev/session`, { body: { userId: person.userId, role }, timeoutMs: REQUEST_TIMEOUT_MS });
  if (res.status !== 200) throw new Error(`dev sign-in of ${person.userId} answered HTTP ${res.status}`);
  return (JSON.parse(res.text) as { token: string }).token;
}

const get = (client: HttpClient, url: string, token: string) => client.send('GET', url, { headers: { authorization: `Bearer ${token}` }, timeoutMs: REQUEST_TIMEOUT_MS });

/** A team dashboard refresh; right when it is that team's visible dashboard of today's campaign day. */
export function teamDashboard(client: HttpClient, base: string, token: string, teamId: string): Promise<Outcome> {
  return timed(
    () => get(client, `${base}/api/teams/${encodeURIComponent(teamId)}/dashboard`, token),
    (body) => {
      const d = body as TeamDashboardResponse;
      if (d.suppressed !== false || d.teamId !== teamId || d.campaign?.campaignId !== CAMPAIGN_ID || d.campaign.today !== TODAY) return 'not the dashboard';
      return Array.isArray(d.perDay) && typeof d.figures === 'object' ? undefined : 'no figures';
    },
  );
}

/** The organisation overview; right when it lists every team of the campaign. */
export function orgOverview(client: HttpClient, base: string, token: string, teams: number): Promise<Outcome> {
  return timed(
    () => get(client, `${base}/api/org/overview`, token),
    (body) => {
      const o = body as OrgOverviewResponse;
      return o.campaign?.campaignId === CAMPAIGN_ID && Array.isArray(o.teams) && o.teams.length === teams && o.totals !== null ? undefined : 'not the overview';
    },
  );
}
