import type { InboxResponse, TriageResponse } from '@soestainable/shared/api/inbox';
import { TRIAGE_BARRIERS_MAX } from '@soestainable/shared/api/inbox';
import { DISMISS_REASON_MAX } from '@soestainable/shared/domain/programme';
import { auditMonthOf } from '@soestainable/shared/domain/audit';
import { startTabApi, TAB_NOW, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** The barrier inbox through the real server (issue 5, Build 5): triage, the audit trail, retries, bad input. */

type ErrorBody = { code: string; message: string; details?: { issues?: { path: string; rule: string }[]; barrierId?: string; status?: string; actionId?: string } };

const ORG = 'soest';
let h: TabApiHarness;
let coordinator: string;
let employee: string;
let n = 0;

beforeAll(async () => {
  h = await startTabApi();
  coordinator = await h.tokenFor(TAB_USERS.coordinator);
  employee = await h.tokenFor(TAB_USERS.manager);
});
afterAll(async () => {
  await h?.close();
});

async function newBarrier(teamId: string = TAB_TEAMS.big, theme: 'circulariteit' | 'energietransitie' | 'mvoi' = 'energietransitie') {
  n++;
  return h.repos.barriers.create({ orgId: ORG, campaignId: h.campaign.campaignId, teamId, theme, text: `Drempel nummer ${n}: de lampen blijven branden.` });
}

async function newAction() {
  const { action } = await h.repos.actions.create(
    { orgId: ORG, title: { nl: 'Bewegingssensoren', en: 'Motion sensors' }, description: { nl: '', en: '' }, theme: 'energietransitie', dimension: 'uitvoering', owner: 'Vastgoed' },
    TAB_USERS.coordinator,
  );
  return action;
}

const status = async (id: string) => (await h.repos.barriers.get(ORG, id))?.status;
const trail = () => h.repos.auditLog.list(ORG, auditMonthOf(TAB_NOW.toISOString()));

describe('the inbox', () => {
  it('groups new barriers by theme and team with counts, and lists actions to link to', async () => {
    const a = await newBarrier(TAB_TEAMS.big, 'mvoi');
    const b = await newBarrier(TAB_TEAMS.big, 'mvoi');
    const c = await newBarrier(TAB_TEAMS.small, 'mvoi');
    const action = await newAction();
    const res = await h.api<InboxResponse>('GET', '/api/inbox', { token: coordinator });
    expect(res.status).toBe(200);
    const big = res.body.groups.find((g) => g.theme === 'mvoi' && g.teamId === TAB_TEAMS.big);
    const small = res.body.groups.find((g) => g.theme === 'mvoi' && g.teamId === TAB_TEAMS.small);
    // Filed the same day: their order says nothing of who filed first (reports are stamped with the day only).
    expect(big?.barriers.map((x) => x.barrierId).sort()).toEqual([a.barrierId, b.barrierId].sort());
    expect(big?.count).toBe(2);
    expect(small).toMatchObject({ teamName: 'Buitendienst', count: 1 });
    expect(small?.barriers[0]?.barrierId).toBe(c.barrierId);
    expect(res.body.byTheme.mvoi).toBe(3);
    expect(res.body.total).toBe(res.body.groups.reduce((s, g) => s + g.count, 0));
    expect(res.body.actions.map((x) => x.actionId)).toContain(action.actionId);
    expect(JSON.stringify(res.body)).not.toContain('contactUserId');
  });

  it('links barriers to an existing action, and a repeated call changes nothing', async () => {
    const action = await newAction();
    const [a, b] = [await newBarrier(), await newBarrier()];
    const ids = [a.barrierId, b.barrierId];
    const res = await h.api<TriageResponse>('POST', '/api/inbox/link', { token: coordinator, body: { barrierIds: ids, actionId: action.actionId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: true, action: { actionId: action.actionId, barrierCount: 2 } });
    expect(await status(a.barrierId)).toBe('gekoppeld');
    expect((await h.repos.barriers.get(ORG, b.barrierId))?.actionId).toBe(action.actionId);
    const again = await h.api<TriageResponse>('POST', '/api/inbox/link', { token: coordinator, body: { barrierIds: ids, actionId: action.actionId } });
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect((await h.repos.actions.get(ORG, action.actionId))?.action.barrierIds).toEqual(ids);
    const entries = (await trail()).filter((e) => ids.includes(e.target));
    expect(entries.map((e) => [e.action, e.details?.['actionId']])).toEqual([
      ['barrier.link', action.actionId],
      ['barrier.link', action.actionId],
    ]);
  });

  it('merges duplicates into one barrier and dismisses with a reason, each in the audit log', async () => {
    const [keep, dup1, dup2, gone] = [await newBarrier(), await newBarrier(), await newBarrier(), await newBarrier()];
    const merged = await h.api<TriageResponse>('POST', '/api/inbox/merge', {
      token: coordinator,
      body: { barrierIds: [dup1.barrierId, dup2.barrierId], intoBarrierId: keep.barrierId },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.barriers.map((x) => x.status)).toEqual(['samengevoegd', 'samengevoegd']);
    expect((await h.repos.barriers.get(ORG, dup1.barrierId))?.duplicateOf).toBe(keep.barrierId);
    expect(await status(keep.barrierId)).toBe('nieuw');

    const reason = 'Valt onder het laadpalenplan van Vastgoed.';
    const dismissed = await h.api<TriageResponse>('POST', '/api/inbox/dismiss', { token: coordinator, body: { barrierIds: [gone.barrierId], reason } });
    expect(dismissed.status).toBe(200);
    expect(await h.repos.barriers.get(ORG, gone.barrierId)).toMatchObject({ status: 'afgewezen', dismissReason: reason });

    const entries = await trail();
    expect(entries.find((e) => e.target === dup2.barrierId)).toMatchObject({ action: 'barrier.merge', actor: TAB_USERS.coordinator, details: { into: keep.barrierId } });
    expect(entries.find((e) => e.target === gone.barrierId)).toMatchObject({ action: 'barrier.dismiss', actor: TAB_USERS.coordinator });
    expect(JSON.stringify(entries)).not.toContain(reason);
    expect(JSON.stringify(entries)).not.toContain('de lampen blijven branden');
  });

  it('finishes a create-action that stopped after the action was written, instead of creating a second action', async () => {
    const [a, b] = [await newBarrier(), await newBarrier()];
    const ids = [a.barrierId, b.barrierId];
    // The first attempt stored the action listing both barriers, then failed before marking them.
    const { action } = await h.repos.actions.create(
      { orgId: ORG, title: { nl: 'Licht uit', en: 'Lights off' }, description: { nl: '', en: '' }, theme: 'energietransitie', dimension: 'cultuur', owner: 'Vastgoed', barrierIds: ids },
      TAB_USERS.coordinator,
    );
    const inbox = await h.api<InboxResponse>('GET', '/api/inbox', { token: coordinator });
    const pending = inbox.body.groups.flatMap((g) => g.barriers).find((x) => x.barrierId === a.barrierId);
    expect(pending?.pendingActionId).toBe(action.actionId);
    const before = (await h.repos.actions.list(ORG)).length;
    const retry = await h.api<TriageResponse>('POST', '/api/inbox/create-action', {
      token: coordinator,
      body: { barrierIds: ids, action: { title: { nl: 'Licht uit', en: 'Lights off' }, theme: 'energietransitie', dimension: 'cultuur', owner: 'Vastgoed' } },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.action?.actionId).toBe(action.actionId);
    expect((await h.repos.actions.list(ORG)).length).toBe(before);
    expect([await status(a.barrierId), await status(b.barrierId)]).toEqual(['gekoppeld', 'gekoppeld']);
    // The link reaches the timeline once (the "you said, we did" job reads it), however often the call is repeated.
    const linkEntries = async () => (await h.repos.actions.timeline(action.actionId)).filter((u) => u.kind === 'link');
    expect((await linkEntries()).map((u) => u.text)).toEqual([ids.join(',')]);
    const third = await h.api<TriageResponse>('POST', '/api/inbox/create-action', {
      token: coordinator,
      body: { barrierIds: ids, action: { title: { nl: 'Licht uit', en: 'Lights off' }, theme: 'energietransitie', dimension: 'cultuur', owner: 'Vastgoed' } },
    });
    expect(third.body.changed).toBe(false);
    expect(await linkEntries()).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('refuses every inbox call to a non-coordinator with 403, changing nothing', async () => {
    const b = await newBarrier();
    const action = await newAction();
    const calls: [string, string, unknown][] = [
      ['GET', '/api/inbox', undefined],
      ['POST', '/api/inbox/link', { barrierIds: [b.barrierId], actionId: action.actionId }],
      ['POST', '/api/inbox/create-action', { barrierIds: [b.barrierId], action: { title: { nl: 'x', en: 'x' }, theme: 'mvoi', dimension: 'beleid', owner: 'x' } }],
      ['POST', '/api/inbox/merge', { barrierIds: [b.barrierId], intoBarrierId: b.barrierId + 'x' }],
      ['POST', '/api/inbox/dismiss', { barrierIds: [b.barrierId], reason: 'nee' }],
    ];
    for (const [method, path, body] of calls) {
      const res = await h.api<ErrorBody>(method, path, { token: employee, ...(body === undefined ? {} : { body }) });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN' });
    }
    expect(await status(b.barrierId)).toBe('nieuw');
  });

  it('rejects malformed bodies and oversized or missing reasons', async () => {
    const b = await newBarrier();
    const cases: [string, unknown, string][] = [
      ['/api/inbox/dismiss', { barrierIds: [b.barrierId], reason: 'x'.repeat(DISMISS_REASON_MAX + 1) }, 'too_long'],
      ['/api/inbox/dismiss', { barrierIds: [b.barrierId], reason: '  ' }, 'required'],
      ['/api/inbox/dismiss', { barrierIds: [b.barrierId] }, 'invalid_type'],
      ['/api/inbox/link', { barrierIds: [], actionId: 'x' }, 'too_small'],
      ['/api/inbox/link', { barrierIds: b.barrierId, actionId: 'x' }, 'invalid_type'],
      ['/api/inbox/link', { barrierIds: Array.from({ length: TRIAGE_BARRIERS_MAX + 1 }, (_, i) => `id${i}`), actionId: 'x' }, 'too_big'],
      ['/api/inbox/merge', { barrierIds: [b.barrierId], intoBarrierId: b.barrierId }, 'self_merge'],
      ['/api/inbox/create-action', { barrierIds: [b.barrierId], action: { title: { nl: 'x', en: 'x' }, theme: 'mvoi', dimension: 'nergens', owner: 'x' } }, 'invalid_value'],
    ];
    for (const [path, body, rule] of cases) {
      const res = await h.api<ErrorBody>('POST', path, { token: coordinator, body });
      expect({ path, rule, status: res.status, code: res.body.code }).toEqual({ path, rule, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details?.issues?.map((i) => i.rule)).toContain(rule);
    }
    const raw = await h.api<ErrorBody>('POST', '/api/inbox/dismiss', { token: coordinator, rawBody: '{barrierIds: ]' });
    expect(raw.status).toBe(400);
    expect(await status(b.barrierId)).toBe('nieuw');
  });

  it('answers unknown barrier and action ids (OData-looking ones too) with 404 and writes nothing for the known ones', async () => {
    const known = await newBarrier();
    const action = await newAction();
    const actionsBefore = (await h.repos.actions.list(ORG)).length;
    for (const unknown of ["' or 1 eq 1", 'doesnotexist', "x' or RowKey ne '"]) {
      const cases: [string, unknown][] = [
        ['/api/inbox/link', { barrierIds: [known.barrierId, unknown], actionId: action.actionId }],
        ['/api/inbox/link', { barrierIds: [known.barrierId], actionId: unknown }],
        ['/api/inbox/create-action', { barrierIds: [known.barrierId, unknown], action: { title: { nl: 'x', en: 'x' }, theme: 'mvoi', dimension: 'beleid', owner: 'x' } }],
        ['/api/inbox/merge', { barrierIds: [known.barrierId], intoBarrierId: unknown }],
        ['/api/inbox/merge', { barrierIds: [known.barrierId, unknown], intoBarrierId: (await newBarrier()).barrierId }],
        ['/api/inbox/dismiss', { barrierIds: [known.barrierId, unknown], reason: 'dubbel' }],
      ];
      for (const [path, body] of cases) {
        const res = await h.api<ErrorBody>('POST', path, { token: coordinator, body });
        expect({ path, unknown, status: res.status, code: res.body.code }).toEqual({ path, unknown, status: 404, code: 'NOT_FOUND' });
      }
    }
    expect(await status(known.barrierId)).toBe('nieuw');
    expect((await h.repos.actions.get(ORG, action.actionId))?.action.barrierIds).toEqual([]);
    expect((await h.repos.actions.list(ORG)).length).toBe(actionsBefore);
  });

  it('refuses to triage a barrier that was already handled (409), checking all before writing any', async () => {
    const [open, dismissed] = [await newBarrier(), await newBarrier()];
    await h.api('POST', '/api/inbox/dismiss', { token: coordinator, body: { barrierIds: [dismissed.barrierId], reason: 'dubbel' } });
    const action = await newAction();
    const res = await h.api<ErrorBody>('POST', '/api/inbox/link', { token: coordinator, body: { barrierIds: [open.barrierId, dismissed.barrierId], actionId: action.actionId } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { barrierId: dismissed.barrierId, status: 'afgewezen' } });
    expect(await status(open.barrierId)).toBe('nieuw');
    expect((await h.repos.actions.get(ORG, action.actionId))?.action.barrierIds).toEqual([]);
    const merge = await h.api<ErrorBody>('POST', '/api/inbox/merge', { token: coordinator, body: { barrierIds: [open.barrierId], intoBarrierId: dismissed.barrierId } });
    expect(merge.status).toBe(409);
    expect(await status(open.barrierId)).toBe('nieuw');
  });
});
