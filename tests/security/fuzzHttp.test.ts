import fc from 'fast-check';
import { TABLE_NAMES } from '@soestainable/bot/storage/tables';
import type { NamedApiRoute, SendRouteName } from '@soestainable/shared/api/routes';
import { FakeConnector } from '../helpers/fakeConnector';
import { startTabApi, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';
import { anyJson, anyString, nastyString, objectOf, plausible, rejectionCounter } from './support/arbitraries';
import { readEverythingBack } from './support/readBack';
import { fillPath, key, tabApiRoutes } from './support/routes';

/**
 * Property-based fuzzing through the real HTTP server (composeApp + listen, Azurite, the fake Bot Connector):
 * every tab API route that takes a body (enumerated from the shared route table, so a new one is fuzzed too) with
 * arbitrary JSON, near-valid bodies and broken JSON; the bot endpoint with arbitrary texts and card submits; the
 * jobs route with arbitrary bodies. Properties: no 5xx, every refusal a coded JSON answer, no unhandled
 * rejection, and afterwards every stored row reads back through the repositories.
 */

export const CASES = { tabApi: 600, messages: 250, jobs: 30 };
/** Generous: the machine is shared; the figures are printed, not asserted. */
const FUZZ_TIMEOUT_MS = 180_000;

/** Every field name the API's request schemas know (shared/src/api), to build near-valid bodies. */
const API_FIELDS = [
  'action', 'actionId', 'barrierContact', 'barrierIds', 'barrierText', 'campaignId', 'challenge', 'closingDays', 'confirm', 'dayPlan',
  'description', 'dimension', 'distanceBand', 'dueDate', 'endDate', 'etag', 'id', 'ideaText', 'intoBarrierId', 'language', 'managerIds',
  'name', 'notify', 'nudgeTime', 'on', 'outcome', 'owner', 'ownerUserId', 'paused', 'question', 'reason', 'role', 'startDate', 'status', 'teamId', 'teams',
  'text', 'texts', 'theme', 'tip', 'title', 'travelMode', 'userId', 'userIds', 'wasteFree',
];

describe('fuzzing the HTTP surfaces (real server, Azurite)', () => {
  const JOBS_KEY = 'fuzz-jobs-key-' + 'k'.repeat(20);
  let h: TabApiHarness;
  const connector = new FakeConnector();
  let rejections: ReturnType<typeof rejectionCounter>;
  /** The table's routes that take a body, as this server (SSO, so without the dev sign-in) mounts them. */
  const routes = tabApiRoutes('sso').filter((r): r is NamedApiRoute & { readonly name: SendRouteName } => r.method !== 'GET');
  let actionId = '';
  const barrierIds: string[] = [];
  const failures: string[] = [];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    rejections = rejectionCounter();
    await connector.start();
    h = await startTabApi({ env: { JOBS_KEY } });
    // Something for the triage and action routes to find.
    for (const text of ['De printer staat altijd aan', 'Geen afvalscheiding op de tweede verdieping', 'Alleen plastic bekers']) {
      barrierIds.push((await h.repos.barriers.create({ orgId: 'soest', campaignId: h.campaign.campaignId, teamId: 'publiekszaken', theme: 'circulariteit', text })).barrierId);
    }
    const created = await h.repos.actions.create(
      { orgId: 'soest', title: { nl: 'Fietsenstalling', en: 'Bike shed' }, description: { nl: '', en: '' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' },
      TAB_USERS.coordinator,
    );
    actionId = created.action.actionId;
  });
  afterAll(async () => {
    rejections.uninstall();
    await h.close();
    await connector.stop();
  });

  function record(label: string, status: number, body: unknown): void {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500) failures.push(`${label}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
    else if (status >= 400 && (typeof body !== 'object' || body === null || typeof (body as { code?: unknown }).code !== 'string')) {
      failures.push(`${label}: ${status} without a coded JSON body`);
    }
  }

  /** The coordinator and the employee stay who they are (a fuzzed erasure or coordinator list would end coverage). */
  async function restorePeople(): Promise<void> {
    const c = await h.repos.participants.get(TAB_USERS.coordinator);
    if (!c || c.status !== 'active' || !c.roles.includes('coordinator')) await h.tokenFor(TAB_USERS.coordinator, { roles: ['coordinator'] });
    const e = await h.repos.participants.get(TAB_USERS.employee);
    if (!e || e.status !== 'active') await h.tokenFor(TAB_USERS.employee, { roles: [] });
  }

  it(`answers ${CASES.tabApi} fuzzed bodies on every tab API route that takes one without a 5xx, each refusal coded`, async () => {
    const tokens = { coordinator: await h.tokenFor(TAB_USERS.coordinator), employee: await h.tokenFor(TAB_USERS.employee) };
    const pools = (): Record<string, readonly unknown[]> => ({
      campaignId: [h.campaign.campaignId, 'voorjaar-2027'],
      actionId: [actionId],
      teamId: ['publiekszaken', 'buitendienst', 'nieuw-team'],
      userId: [TAB_USERS.employee, TAB_USERS.smallTeamMember],
      userIds: [[TAB_USERS.coordinator], [TAB_USERS.coordinator, TAB_USERS.employee]],
      barrierIds: [barrierIds.slice(0, 1), barrierIds.slice(0, 2), barrierIds],
      intoBarrierId: barrierIds,
      closingDays: [[], ['2026-12-07']],
      dayPlan: [h.campaign.dayPlan],
    });
    const p = pools();
    const text = (max: number) => fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }) }, { weight: 1, arbitrary: nastyString });
    const localized = (max: number) => fc.record({ nl: text(max), en: text(max) });
    const actionFields = fc.record(
      { title: localized(80), description: localized(300), theme: plausible('theme'), dimension: plausible('dimension'), status: plausible('status'), owner: text(80), dueDate: plausible('dueDate') },
      { requiredKeys: ['title', 'theme', 'dimension', 'owner'] },
    );
    const barrierIdList = fc.constantFrom(...(p['barrierIds'] ?? []));
    /**
     * A valid body per route (what the tab sends), so that mutations of it reach the handlers' later checks and
     * storage. Typed by the route table: a route that takes a body and has none here does not compile.
     */
    const VALID: Record<SendRouteName, fc.Arbitrary<Record<string, unknown>>> = {
      'me.checkin.put': fc.record(
        { outcome: plausible('outcome'), travelMode: plausible('travelMode'), distanceBand: plausible('distanceBand'), wasteFree: fc.boolean(), challenge: fc.boolean(), theme: plausible('theme'), barrierText: text(500), barrierContact: fc.boolean(), ideaText: text(500) },
        { requiredKeys: ['outcome', 'travelMode', 'distanceBand', 'wasteFree', 'challenge'] },
      ),
      'me.settings.put': fc.record({ nudgeTime: plausible('nudgeTime'), language: plausible('language'), paused: fc.boolean() }, { requiredKeys: [] }),
      'me.delete': fc.constant({ confirm: true }),
      'actions.create': actionFields,
      'actions.update': fc.record(
        { title: localized(80), status: plausible('status'), owner: text(80), dueDate: fc.oneof(plausible('dueDate'), fc.constant(null)), theme: plausible('theme') },
        { requiredKeys: [] },
      ),
      'actions.note': fc.record({ text: fc.oneof(text(500), localized(500)) }),
      'inbox.link': fc.record({ barrierIds: barrierIdList, actionId: fc.constant(actionId) }),
      'inbox.createAction': fc.record({ barrierIds: barrierIdList, action: actionFields }),
      'inbox.merge': fc.record({ barrierIds: fc.constant(barrierIds.slice(1)), intoBarrierId: fc.constant(barrierIds[0]) }),
      'inbox.dismiss': fc.record({ barrierIds: barrierIdList, reason: text(200) }),
      'barriers.recognition.put': fc.record({ on: fc.boolean(), notify: fc.boolean() }, { requiredKeys: ['on'] }),
      'admin.campaign.put': fc.record(
        { campaignId: fc.constantFrom(h.campaign.campaignId, 'voorjaar-2027'), name: localized(100), startDate: plausible('startDate'), endDate: plausible('endDate'), closingDays: fc.constantFrom([], ['2026-12-07']), status: fc.constantFrom('draft', 'active') },
        { requiredKeys: ['campaignId', 'name', 'startDate', 'endDate'] },
      ),
      'admin.dayplan.put': fc.record({ campaignId: fc.constant(h.campaign.campaignId), dayPlan: fc.constant([...h.campaign.dayPlan]) }),
      'admin.teams.put': fc.record({
        teams: fc.array(fc.record({ teamId: fc.constantFrom('publiekszaken', 'buitendienst'), name: text(60), managerIds: fc.constantFrom([], [TAB_USERS.manager]) }), { minLength: 2, maxLength: 2 }),
      }),
      'admin.coordinators.put': fc.record({ userIds: fc.constantFrom([TAB_USERS.coordinator], [TAB_USERS.coordinator, TAB_USERS.smallTeamMember]) }),
      'dev.session.create': fc.record({ userId: fc.constant(TAB_USERS.employee), role: plausible('role') }),
      'me.pledges.put': fc.record({ challengeIds: fc.subarray([...h.campaign.dayPlan], { minLength: 1, maxLength: 3 }), help: text(500) }, { requiredKeys: ['challengeIds'] }),
    };
    const unknownRoutes = routes.filter((r) => !(r.name in VALID)).map(key);
    if (unknownRoutes.length > 0) throw new Error(`no valid body known for ${unknownRoutes.join(', ')}: add one to VALID`);
    /** A valid body with up to two top-level fields replaced by anything and one left out. */
    const mutated = (name: SendRouteName) =>
      fc
        .tuple(VALID[name], fc.array(anyJson, { minLength: 2, maxLength: 2 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }))
        .map(([valid, values, a, b, c, mode]) => {
          const out: Record<string, unknown> = { ...valid };
          const keys = Object.keys(out);
          if (keys.length === 0 || mode === 0) return out;
          if (mode >= 1) out[keys[a % keys.length] ?? ''] = values[0];
          if (mode >= 2) out[keys[b % keys.length] ?? ''] = values[1];
          const dropped = mode >= 3 ? keys[c % keys.length] : undefined;
          return Object.fromEntries(Object.entries(out).filter(([k]) => k !== dropped));
        });
    const caseOf = fc.constantFrom(...routes).chain((route) =>
      fc.tuple(
        fc.constant(route),
        fc.oneof(
          { weight: 6, arbitrary: mutated(route.name).map((b) => JSON.stringify(b)) },
          { weight: 2, arbitrary: objectOf(API_FIELDS, p).map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? 'null') },
          { weight: 1, arbitrary: anyString(300) },
        ),
      ),
    );
    const ifMatch = fc.constantFrom('current', '*', '"stale"', 'none', "' or 1 eq 1");
    await fc.assert(
      fc.asyncProperty(
        caseOf,
        fc.constantFrom<'coordinator' | 'employee'>('coordinator', 'coordinator', 'employee'),
        ifMatch,
        fc.oneof({ weight: 4, arbitrary: fc.constant(actionId) }, { weight: 1, arbitrary: nastyString }),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2026-12-02', '2026-12-01') }, { weight: 1, arbitrary: nastyString }),
        async ([route, raw], who, match, aId, date) => {
          await restorePeople();
          let etag: string | undefined;
          if (match === 'current') {
            etag = route.path.startsWith('/api/actions/')
              ? (await h.repos.actions.get('soest', actionId))?.etag
              : route.path.startsWith('/api/admin/')
                ? (await h.repos.campaigns.get('soest', h.campaign.campaignId))?.etag
                : undefined;
          }
          const headers: Record<string, string> = {};
          if (match !== 'none') headers['If-Match'] = match === 'current' ? (etag ?? '*') : match;
          const res = await h.api(route.method, fillPath(route.path, { actionId: aId, date, teamId: 'publiekszaken', campaignId: h.campaign.campaignId, barrierId: barrierIds[0] ?? 'b' }), { token: tokens[who], rawBody: raw, headers });
          record(`${key(route)} as ${who}`, res.status, res.body);
        },
      ),
      { numRuns: CASES.tabApi, seed: 20261201 },
    );
    console.log(`fuzzHttp tab API: ${CASES.tabApi} cases over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(failures).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it(`answers ${CASES.messages} fuzzed activities on /api/messages without a 5xx`, async () => {
    const activity = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 2000 }).map((text) => ({ type: 'message', text })),
      anyString(500).map((text) => ({ type: 'message', text: 'prikkel: ' + text })),
      fc.tuple(fc.constantFrom('checkin.submit', 'reports.idea.submit', 'enrol.submit', 'settings.team', 'x'), objectOf(['campaignId', 'date', 'outcome', 'text', 'teamId', 'theme'])).map(
        ([verb, data]) => ({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }),
      ),
      fc.tuple(fc.constantFrom('checkin.submit', 'reports.barrier.submit', 'myData.delete.ask'), anyJson).map(([verb, data]) => ({ type: 'message', value: { verb, data } })),
      fc.tuple(fc.constantFrom('Action.Execute', 'Action.Submit', 'x'), anyString(40), anyJson).map(([type, verb, data]) => ({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type, verb, data } },
      })),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(activity, fc.constantFrom(TAB_USERS.employee, 'aad-http-fuzz-new'), async (a, userId) => {
        const body = {
          id: `fz-${++n}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          locale: 'nl-NL',
          from: { id: `29:${userId}`, aadObjectId: userId },
          recipient: { id: '28:bot' },
          conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: TAB_TENANT },
          ...a,
        };
        const res = await fetch(`${h.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const text = await res.text();
        if (res.status >= 500) failures.push(`/api/messages ${a.type}: ${res.status} ${text.slice(0, 200)}`);
        // botbuilder answers an invoke whose action is not Action.Execute with its own 400 BadRequest.
        if (a.type === 'invoke' && res.status !== 200 && res.status !== 400) failures.push(`/api/messages invoke: ${res.status}`);
      }),
      { numRuns: CASES.messages, seed: 20261202 },
    );
    expect(failures).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it(`answers ${CASES.jobs} fuzzed bodies on /api/jobs without a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('nudges', 'digests', 'yousaid', 'retention', 'nope', '..%2F..', "'"),
        fc.oneof(objectOf(['at', 'dryRun'], { at: ['2026-12-07T09:00+01:00', '2026-02-30T09:00Z', "' or 1 eq 1"], dryRun: [true] }), anyJson).map((v) => JSON.stringify(v) ?? 'null'),
        async (name, raw) => {
          const res = await fetch(`${h.base}/api/jobs/${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${JOBS_KEY}` }, body: raw });
          const text = await res.text();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // kept as text: record() flags it
          }
          record(`POST /api/jobs/${name}`, res.status, parsed);
        },
      ),
      { numRuns: CASES.jobs, seed: 20261203 },
    );
    expect(failures).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  // An adaptiveCard/action invoke whose `value` has no `action` object would make botbuilder's
  // getAdaptiveCardInvokeValue throw a TypeError (501 and a failed turn); TeamsBot.onInvokeActivity answers 400.
  it('answers 400 (not 501) to an adaptiveCard/action invoke without an action object (regression example)', async () => {
    for (const value of [null, 'x', 1, [], {}, { action: null }]) {
      const res = await fetch(`${h.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke', name: 'adaptiveCard/action', value, id: 'bad-invoke', channelId: 'msteams', serviceUrl: connector.url,
          from: { id: '29:x', aadObjectId: TAB_USERS.employee }, recipient: { id: '28:bot' },
          conversation: { id: 'conv-bad-invoke', conversationType: 'personal', tenantId: TAB_TENANT },
        }),
      });
      expect(res.status).toBeLessThan(500);
    }
  });

  it('leaves no unhandled rejection and no row the repositories cannot read', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rejections.reasons).toEqual([]);
    const counts = await readEverythingBack(h.repos, h.app.storage.clients, 'soest', TABLE_NAMES);
    console.log(`fuzzHttp: ${CASES.tabApi + CASES.messages + CASES.jobs} requests; rows read back: ${JSON.stringify(counts)}`);
    expect(counts['AuditLog']).toBeGreaterThan(0);
  });
});
