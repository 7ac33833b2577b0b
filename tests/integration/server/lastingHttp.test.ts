import type { InboxResponse } from '@soestainable/shared/api/inbox';
import { ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import { FOLLOW_UP_VERBS } from '@soestainable/bot/features/followUp/verbs';
import { LASTING_VERBS } from '@soestainable/bot/features/lasting/verbs';
import { FakeConnector } from '../../helpers/fakeConnector';
import { startTabApi, TAB_NOW, TAB_TEAMS, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * Issue 15's "done when", as one conversation over HTTP: the real server (restify on port 0, the real adapter, bot,
 * jobs and tab API), Azurite, and a fake Bot Connector that records what the bot sends. A participant joins the
 * running campaign (Mon 30 Nov – Fri 11 Dec 2026) on its third day; on the last day the nudges job (POST
 * /api/jobs/nudges with `at`) sends the nudge and the end card; they answer it and pledge two habits; the followups
 * job sends exactly one pulse per wave at +2 (Christmas moves it to Mon 28 Dec), +6 and +12 weeks, however often
 * it runs; one "nee" with a text becomes a barrier in the coordinator's inbox (GET /api/inbox).
 */

const KEY = 'jobs-key-lasting-http-0123456789';
const USER = 'aad-lasting-http';
const CONVERSATION = 'conv-lasting-http';
const HOLDS_BACK = 'De koffieautomaat op de tweede verdieping geeft alleen bekertjes.';
const WAVES = ['2026-12-28', '2027-01-22', '2027-03-05'] as const;

type Json = Record<string, unknown>;

const connector = new FakeConnector();
let h: TabApiHarness;
let clock = TAB_NOW;

beforeAll(async () => {
  await connector.start();
  h = await startTabApi({ clock: () => clock, env: { JOBS_KEY: KEY } });
});
afterAll(async () => {
  await h?.close();
  await connector.stop();
});

/** Moves the app's clock to `iso` (an instant with its offset, in Soest's time). */
const setClock = (iso: string): void => {
  clock = new Date(iso);
};

/** A card button's invoke as Teams sends it: the action's own data with the card's input values on top. */
async function invoke(verb: string, data: Json): Promise<Json> {
  const res = await fetch(`${h.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `inv-${verb}-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      locale: 'nl-NL',
      from: { id: '29:lasting', aadObjectId: USER },
      recipient: { id: '28:bot' },
      conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: TAB_TENANT },
      channelData: { tenant: { id: TAB_TENANT } },
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } } },
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Json }).value;
}

/**
 * Triggers a job as an external timer that fires at `at`: the app's clock moves on to `at` first when it is behind
 * (the route refuses an `at` more than 60 s after the server's clock).
 */
async function runJob(name: 'nudges' | 'followups', at: string): Promise<{ runs: { kind: string; sent: number }[] }> {
  if (Date.parse(at) > clock.getTime()) setClock(at);
  const res = await fetch(`${h.base}/api/jobs/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { runs: { kind: string; sent: number }[] };
}

/** Every object inside `value` (depth first). */
function* objects(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (typeof value === 'object' && value !== null) {
    yield value as Json;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

/** The cards the bot sent into our conversation since `from` (the connector's record), each as its Adaptive Card. */
function cardsSent(from = 0): Json[] {
  return connector.calls
    .slice(from)
    .filter((c) => c.method === 'POST' && c.path.includes(encodeURIComponent(CONVERSATION)))
    .flatMap((c) => ((c.body as { attachments?: { content: Json }[] }).attachments ?? []).map((a) => a.content));
}

/** The data of the card's `Action.Execute` with `verb` (what the button sends besides the inputs). */
function actionData(card: Json, verb: string): Json {
  const action = [...objects(card)].find((o) => o['type'] === 'Action.Execute' && o['verb'] === verb);
  expect(action).toBeDefined();
  return (action?.['data'] ?? {}) as Json;
}

const withVerb = (verb: string) => (card: Json) => [...objects(card)].some((o) => o['verb'] === verb);

describe('lasting behaviour over HTTP: join, end card, two pledges, a pulse per wave, a barrier in the inbox', () => {
  it('the whole conversation', async () => {
    // Wed 2 Dec, day 3: the participant joins the running campaign (team, 09:00, Dutch, the baseline).
    setClock('2026-12-02T09:30+01:00');
    const joined = await invoke(ENROL_VERBS.submit, {
      teamId: TAB_TEAMS.big,
      nudgeTime: '09:00',
      language: 'nl',
      commuteMode: 'auto',
      distanceBand: '5-10',
      packaging: 'often',
      screensOff: 'false',
      lightsOff: 'true',
    });
    expect(JSON.stringify(joined)).toContain('Je doet mee');
    expect(await h.repos.participants.get(USER)).toMatchObject({ teamId: TAB_TEAMS.big, status: 'active' });

    // Fri 11 Dec, the last challenge day, 09:05: the nudge, then the end card, once.
    setClock('2026-12-11T09:05+01:00');
    const before = connector.calls.length;
    const nudged = await runJob('nudges', '2026-12-11T09:05+01:00');
    expect(nudged.runs.map((r) => r.kind)).toEqual(['nudge', 'end']);
    await runJob('nudges', '2026-12-11T09:10+01:00');
    const lastDay = cardsSent(before);
    expect(lastDay).toHaveLength(2);
    const endCard = lastDay.find(withVerb(LASTING_VERBS.submitEnd)) ?? {};
    expect(JSON.stringify(endCard)).toContain('Eindmeting');

    // They answer the end survey and pledge two habits (the card's first two choices).
    const choices = ([...objects(endCard)].find((o) => o['id'] === 'pledges')?.['choices'] ?? []) as { value: string }[];
    const pledged = choices.slice(0, 2).map((c) => c.value);
    expect(pledged).toHaveLength(2);
    setClock('2026-12-11T10:00+01:00');
    const saved = await invoke(LASTING_VERBS.submitEnd, {
      ...actionData(endCard, LASTING_VERBS.submitEnd),
      commuteMode: 'fiets',
      distanceBand: '5-10',
      packaging: 'sometimes',
      screensOff: 'true',
      lightsOff: 'true',
      pledges: pledged.join(','),
      help: '',
    });
    expect(JSON.stringify(saved)).not.toContain(LASTING_VERBS.submitEnd);
    const campaignId = h.campaign.campaignId;
    expect((await h.repos.pledges.get(USER, campaignId))?.challengeIds).toEqual(pledged);
    expect(await h.repos.surveys.get(USER, campaignId, 'end')).toMatchObject({ commuteMode: 'fiets' });

    // The waves: each run on a wave day (twice, and once more later that morning) sends exactly one pulse; days
    // between the waves (the day before each, and Christmas Day, where +2 weeks falls) send none.
    for (const [i, day] of WAVES.entries()) {
      const from = connector.calls.length;
      const quiet = await runJob('followups', i === 0 ? '2026-12-25T09:05+01:00' : `${WAVES[i - 1]}T11:00+01:00`);
      expect(quiet.runs).toEqual([]);
      setClock(`${day}T09:05+01:00`);
      await runJob('followups', `${day}T09:05+01:00`);
      await runJob('followups', `${day}T09:05+01:00`);
      await runJob('followups', `${day}T11:30+01:00`);
      const pulses = cardsSent(from).filter(withVerb(FOLLOW_UP_VERBS.submit));
      expect({ wave: i + 1, pulses: pulses.length }).toEqual({ wave: i + 1, pulses: 1 });
      const pulse = pulses[0] ?? {};
      expect(actionData(pulse, FOLLOW_UP_VERBS.submit)).toMatchObject({ campaignId, wave: i + 1 });

      if (i === 1) {
        // Wave 2 (+6 weeks): the first habit "ja", the second "nee" with what holds them back.
        setClock(`${day}T12:15+01:00`);
        const answered = await invoke(FOLLOW_UP_VERBS.submit, { ...actionData(pulse, FOLLOW_UP_VERBS.submit), kept0: 'ja', holdsBack0: '', kept1: 'nee', holdsBack1: HOLDS_BACK, contact: 'false' });
        expect(JSON.stringify(answered)).toContain('Terugblik opgeslagen');
        expect((await h.repos.followUpAnswers.get(USER, campaignId, 2))?.answers.map((a) => a.kept)).toEqual(['ja', 'nee']);
      }
    }
    expect((await h.repos.sendClaims.listForRecipient(USER)).filter((c) => c.kind === 'followup').map((c) => [c.period, c.state]).sort()).toEqual([
      [`${campaignId}|w1`, 'sent'],
      [`${campaignId}|w2`, 'sent'],
      [`${campaignId}|w3`, 'sent'],
    ]);

    // The coordinator's barrier inbox shows the text, anonymous, under the team and the pledge's theme.
    const coordinator = await h.tokenFor(TAB_USERS.coordinator);
    const inbox = await h.api<InboxResponse>('GET', '/api/inbox', { token: coordinator });
    expect(inbox.status).toBe(200);
    const found = inbox.body.groups.flatMap((g) => g.barriers.map((b) => ({ ...b, groupTeam: g.teamId }))).filter((b) => b.text === HOLDS_BACK);
    expect(found).toEqual([expect.objectContaining({ teamId: TAB_TEAMS.big, groupTeam: TAB_TEAMS.big })]);
    expect(JSON.stringify(inbox.body)).not.toContain(USER);
  }, 120_000);
});
