import { OWNER_UPDATE_VERB } from '@soestainable/bot/services/owners/card';
import { ownerTexts } from '@soestainable/bot/services/owners/texts';
import { teamCardTexts } from '@soestainable/bot/features/teamCard/texts';
import { t } from '@soestainable/shared/text';
import { FakeConnector, type RecordedCall } from '../../helpers/fakeConnector';
import { startTabApi, TAB_NOW, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/*
 * Issue 16's "done when", over HTTP against the real server (tab API, bot endpoint, jobs route) with a fake Bot
 * Connector: a coordinator names a participant as owner in the tab, the owner gets the card and sets a status from it,
 * and the reporter who allowed contact hears "jij zei, wij deden"; in a team channel a manager switches the team card
 * on, and the teamcards job on Monday 09:00 posts exactly one card there, a second run none.
 */
const KEY = 'jobs-key-for-owners-0123456789abcdef';
const OWNER = 'aad-pz-03';
const REPORTER = 'aad-pz-04';
/** A participant whose erasure has begun. */
const LEAVING = 'aad-pz-05';
const TEAMS_TEAM = '19:publiekszaken@thread.tacv2';
const CHANNEL = '19:publiekszaken-general@thread.tacv2';

describe('owners and the team card over HTTP', () => {
  const connector = new FakeConnector();
  let h: TabApiHarness;
  let coordinator = '';

  const posted = (conversationId: string): RecordedCall[] =>
    connector.delivered().filter((c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`));
  const cardOfCall = (call: RecordedCall | undefined): Record<string, unknown> =>
    ((call?.body as { attachments?: Array<{ content: Record<string, unknown> }> } | undefined)?.attachments?.[0]?.content ?? {});
  /** The repositories stamp the timeline with the real clock (the app's clock is fixed): the job looks from just after now. */
  const soon = (): string => new Date(Date.now() + 60_000).toISOString();
  /**
   * The app's clock: the harness's fixed one, except while a job runs: then it is the job's `at`, as for an external
   * timer that fires at the instant it names (the route refuses an `at` more than 60 s after the server's clock).
   */
  let clock = TAB_NOW;
  const job = async (name: string, at: string) => {
    clock = new Date(at);
    try {
      return await h.api<{ runs: Array<{ sent: number }> }>('POST', `/api/jobs/${name}`, { headers: { authorization: `Bearer ${KEY}` }, body: { at } });
    } finally {
      clock = TAB_NOW;
    }
  };
  const activity = (over: Record<string, unknown>) =>
    fetch(`${h.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: 'msteams', serviceUrl: connector.url, locale: 'nl-NL', recipient: { id: '28:bot', name: 'Soestainable' }, id: `act-${Math.random()}`, ...over }),
    });
  const personal = (userId: string) => ({ from: { id: `29:${userId}`, aadObjectId: userId }, conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-soest' } });
  const inChannel = (userId: string) => ({
    from: { id: `29:${userId}`, aadObjectId: userId },
    conversation: { id: `${CHANNEL};messageid=1733130000000`, conversationType: 'channel', tenantId: 'tenant-soest', isGroup: true },
    channelData: { tenant: { id: 'tenant-soest' }, team: { id: TEAMS_TEAM }, channel: { id: CHANNEL } },
  });

  beforeAll(async () => {
    await connector.start();
    h = await startTabApi({ clock: () => clock, env: { JOBS_KEY: KEY } });
    coordinator = await h.tokenFor(TAB_USERS.coordinator);
    for (const userId of [OWNER, REPORTER]) {
      await h.repos.conversationRefs.save({ kind: 'user', userId }, 'personal', {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-soest' },
        bot: { id: '28:bot', name: 'Soestainable' },
        user: { id: `29:${userId}` },
      });
    }
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  it('a coordinator names a participant as owner; the owner sets a status from the card; the reporter who allowed contact hears of it', async () => {
    const barrier = await h.repos.barriers.create({ orgId: 'soest', campaignId: h.campaign.campaignId, teamId: 'publiekszaken', theme: 'circulariteit', text: 'Geen vaatwasser', contactUserId: REPORTER });
    const created = await h.api<{ action: { actionId: string } }>('POST', '/api/inbox/create-action', {
      token: coordinator,
      body: { barrierIds: [barrier.barrierId], action: { title: { nl: 'Vaatwasser op elke verdieping' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' } },
    });
    expect(created.status).toBe(201);
    const actionId = created.body.action.actionId;
    await job('yousaid', soon()); // the link's news, before the owner's part

    // Naming someone who is no participant is refused, nothing changes.
    const detail = await h.api<{ action: { etag: string } }>('GET', `/api/actions/${actionId}`, { token: coordinator });
    const refused = await h.api<{ code: string; details: { issues: Array<{ rule: string }> } }>('PATCH', `/api/actions/${actionId}`, {
      token: coordinator,
      headers: { 'if-match': detail.body.action.etag },
      body: { ownerUserId: 'aad-nobody' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.issues[0]?.rule).toBe('not_a_participant');
    // Nor someone whose data is being erased (here: an erasure stopped half-way, its mark still on the profile).
    await h.repos.participants.markErasing(LEAVING);
    const erasing = await h.api<{ code: string; details: { issues: Array<{ rule: string }> } }>('PATCH', `/api/actions/${actionId}`, {
      token: coordinator,
      headers: { 'if-match': detail.body.action.etag },
      body: { ownerUserId: LEAVING },
    });
    expect(erasing.status).toBe(400);
    expect(erasing.body.details.issues[0]?.rule).toBe('not_a_participant');
    expect((await h.api<{ action: { etag: string; ownerUserId?: string } }>('GET', `/api/actions/${actionId}`, { token: coordinator })).body.action).toMatchObject({ etag: detail.body.action.etag });

    const named = await h.api('PATCH', `/api/actions/${actionId}`, { token: coordinator, headers: { 'if-match': detail.body.action.etag }, body: { owner: 'Anna (Facilitair)', ownerUserId: OWNER } });
    expect(named.status).toBe(200);

    const announced = await job('owners', '2026-12-02T09:33+01:00');
    expect(announced.status).toBe(200);
    const [delivery] = posted(`conv-${OWNER}`);
    const card = cardOfCall(delivery);
    expect(JSON.stringify(card)).toContain(t(ownerTexts.heading, 'nl'));
    const save = (card['actions'] as Array<{ verb: string; data: { actionId: string; version: string } }>)[0];
    expect(save?.verb).toBe(OWNER_UPDATE_VERB);

    const answer = await activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...personal(OWNER),
      value: { action: { type: 'Action.Execute', verb: OWNER_UPDATE_VERB, data: { ...save?.data, status: 'in_uitvoering', update: 'Offerte aangevraagd' } } },
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { value: unknown };
    expect(JSON.stringify(body.value)).toContain(t(ownerTexts.saved, 'nl'));
    expect((await h.repos.actions.get('soest', actionId))?.action.status).toBe('in_uitvoering');

    const before = posted(`conv-${REPORTER}`).length;
    await job('yousaid', soon());
    const news = posted(`conv-${REPORTER}`);
    expect(news).toHaveLength(before + 1);
    expect(JSON.stringify(cardOfCall(news.at(-1)))).toContain('In uitvoering');
  });

  it('in a team channel a manager switches the card on; the teamcards job on Monday 09:00 posts exactly one card there, a second run none', async () => {
    // The app is added to the team: the install stores the team's reference.
    const install = await activity({
      type: 'conversationUpdate',
      ...inChannel(TAB_USERS.manager),
      membersAdded: [{ id: '28:bot' }],
    });
    expect(install.status).toBeLessThan(300);

    const message = await activity({ type: 'message', text: '<at>Soestainable</at> teamkaart aan', entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'Soestainable' }, text: '<at>Soestainable</at>' }], ...inChannel(TAB_USERS.manager) });
    expect(message.status).toBeLessThan(300);
    expect(connector.sentTexts()).toContain(t(teamCardTexts.switchedOn, 'nl', { team: 'Publiekszaken' }));

    const first = await job('teamcards', '2026-12-07T09:00+01:00');
    expect(first.status).toBe(200);
    expect(first.body.runs[0]?.sent).toBe(1);
    const cards = posted(CHANNEL).filter((c) => (c.body as { attachments?: unknown[] }).attachments !== undefined && JSON.stringify(c.body).includes('Teamkaart Publiekszaken'));
    expect(cards).toHaveLength(1);

    const second = await job('teamcards', '2026-12-07T09:05+01:00');
    expect(second.status).toBe(200);
    expect(second.body.runs.reduce((n, r) => n + r.sent, 0)).toBe(0);
    expect(posted(CHANNEL).filter((c) => JSON.stringify(c.body).includes('Teamkaart Publiekszaken'))).toHaveLength(1);
  });
});
