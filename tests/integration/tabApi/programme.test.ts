import type { ActionDetailResponse, ActionResponse, ProgrammeResponse, YouSaidResponse } from '@soestainable/shared/api/programme';
import type { InboxResponse, TriageResponse } from '@soestainable/shared/api/inbox';
import { ACTION_NOTE_MAX, ACTION_TITLE_MAX } from '@soestainable/shared/domain/programme';
import { auditMonthOf } from '@soestainable/shared/domain/audit';
import { hiddenCharsIn, RLO_FILE_NAME, sprinkled } from '../../helpers/hiddenChars';
import { startTabApi, TAB_NOW, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * The action programme through the real server (issue 5, Build 4 and the Done-when flow): a coordinator
 * triages three barriers into one new action, moves it to "in uitvoering", and everyone sees it in the
 * kansenkaart and in "you said, we did".
 */

type ErrorBody = { code: string; message: string; details?: { issues?: { path: string; rule: string; max?: number }[]; rule?: string } };

const ORG = 'soest';
const BARRIER_TEXTS = [
  'De koffieautomaat geeft alleen wegwerpbekers.',
  'Bij de automaat op de tweede verdieping zijn de mokken altijd op.',
  'Er staan nergens mokken bij de vergaderzalen.',
];

let h: TabApiHarness;
let coordinator: string;
let employee: string;

beforeAll(async () => {
  h = await startTabApi();
  coordinator = await h.tokenFor(TAB_USERS.coordinator);
  employee = await h.tokenFor(TAB_USERS.employee);
});
afterAll(async () => {
  await h?.close();
});

async function newBarrier(text: string, teamId: string = TAB_TEAMS.big) {
  return h.repos.barriers.create({ orgId: ORG, campaignId: h.campaign.campaignId, teamId, theme: 'circulariteit', text });
}

async function newAction(title = 'Mokken bij elke koffieautomaat'): Promise<ActionResponse['action']> {
  const res = await h.api<ActionResponse>('POST', '/api/actions', {
    token: coordinator,
    body: { title: { nl: title, en: 'Mugs at every coffee machine' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' },
  });
  expect(res.status).toBe(201);
  return res.body.action;
}

describe('the Done-when flow: three barriers → one action → in uitvoering → kansenkaart and "you said, we did"', () => {
  it('works through the API, anonymously, with every step in the audit log', async () => {
    const barriers = [await newBarrier(BARRIER_TEXTS[0] ?? ''), await newBarrier(BARRIER_TEXTS[1] ?? '', TAB_TEAMS.small), await newBarrier(BARRIER_TEXTS[2] ?? '')];
    const ids = barriers.map((b) => b.barrierId);

    const inbox = await h.api<InboxResponse>('GET', '/api/inbox', { token: coordinator });
    expect(inbox.status).toBe(200);
    const inInbox = inbox.body.groups.flatMap((g) => g.barriers.map((b) => b.barrierId));
    expect(inInbox).toEqual(expect.arrayContaining(ids));
    const bigGroup = inbox.body.groups.find((g) => g.theme === 'circulariteit' && g.teamId === TAB_TEAMS.big);
    expect(bigGroup?.teamName).toBe('Publiekszaken');
    expect(bigGroup?.count).toBeGreaterThanOrEqual(2);

    const created = await h.api<TriageResponse>('POST', '/api/inbox/create-action', {
      token: coordinator,
      body: {
        barrierIds: ids,
        action: { title: { nl: 'Mokken bij elke koffieautomaat', en: 'Mugs at every coffee machine' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair beheer' },
      },
    });
    expect(created.status).toBe(201);
    const action = created.body.action;
    if (!action) throw new Error('no action in the answer');
    expect(action.barrierCount).toBe(3);
    expect(action.status).toBe('idee');
    expect(created.body.barriers.map((b) => b.status)).toEqual(['gekoppeld', 'gekoppeld', 'gekoppeld']);

    const after = await h.api<InboxResponse>('GET', '/api/inbox', { token: coordinator });
    expect(after.body.groups.flatMap((g) => g.barriers.map((b) => b.barrierId))).not.toEqual(expect.arrayContaining([ids[0]]));

    const detail = await h.api<ActionDetailResponse>('GET', `/api/actions/${action.actionId}`, { token: coordinator });
    expect(detail.status).toBe(200);
    const etag = detail.headers.get('etag');
    expect(etag).toBe(detail.body.action.etag);
    const moved = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': etag ?? '' },
      body: { status: 'in_uitvoering' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.action.status).toBe('in_uitvoering');
    expect(moved.headers.get('etag')).toBe(moved.body.action.etag);
    expect(moved.body.action.etag).not.toBe(etag);

    // Everyone reads the programme: the action sits in its kansenkaart cell.
    const programme = await h.api<ProgrammeResponse>('GET', '/api/programme', { token: employee });
    expect(programme.status).toBe(200);
    expect(programme.body.canEdit).toBe(false);
    expect(programme.body.kansenkaart.cells).toHaveLength(15);
    const cell = programme.body.kansenkaart.cells.find((c) => c.theme === 'circulariteit' && c.dimension === 'uitvoering');
    expect(cell?.actionIds).toContain(action.actionId);
    expect(cell?.byStatus.in_uitvoering).toBeGreaterThanOrEqual(1);
    expect(cell?.barrierCount).toBeGreaterThanOrEqual(3);

    // "You said, we did": the in-progress action with its three barriers, anonymous.
    const yousaid = await h.api<YouSaidResponse>('GET', '/api/yousaid', { token: employee });
    expect(yousaid.status).toBe(200);
    const entry = yousaid.body.entries.find((e) => e.action.actionId === action.actionId);
    expect(entry?.action.status).toBe('in_uitvoering');
    expect(entry?.barriers.map((b) => b.reference).sort()).toEqual(barriers.map((b) => b.reference).sort());
    expect(entry?.barriers.map((b) => b.text).sort()).toEqual([...BARRIER_TEXTS].sort());
    const raw = JSON.stringify(yousaid.body);
    expect(raw).not.toContain('teamId');
    expect(raw).not.toContain('contact');

    // The employee's view of the action has the barriers without their team; the timeline shows the status move.
    const seen = await h.api<ActionDetailResponse>('GET', `/api/actions/${action.actionId}`, { token: employee });
    expect(seen.body.barriers).toHaveLength(3);
    expect(seen.body.barriers.every((b) => b.teamId === undefined)).toBe(true);
    // Created listing its barriers (one write, so a retry can find it), the link on the timeline, the status move.
    expect(seen.body.timeline.map((t) => t.kind)).toEqual(['note', 'link', 'status']);
    expect([...(seen.body.timeline[1]?.barrierIds ?? [])].sort()).toEqual([...ids].sort());
    expect(seen.body.timeline[2]).toMatchObject({ fromStatus: 'idee', toStatus: 'in_uitvoering', author: TAB_USERS.coordinator });

    // The audit log: the coordinator, the actions and ids, never a barrier's text.
    const trail = await h.repos.auditLog.list(ORG, auditMonthOf(TAB_NOW.toISOString()));
    const mine = trail.filter((e) => e.target === action.actionId || ids.includes(e.target));
    expect(mine.map((e) => e.action).sort()).toEqual(['action.create', 'action.update', 'barrier.link', 'barrier.link', 'barrier.link']);
    expect(mine.every((e) => e.actor === TAB_USERS.coordinator)).toBe(true);
    const trailText = JSON.stringify(trail);
    for (const text of BARRIER_TEXTS) expect(trailText).not.toContain(text);
    // Nor do the logs hold a barrier's text or a token.
    const logs = h.logs.join('\n');
    for (const text of BARRIER_TEXTS) expect(logs).not.toContain(text);
    expect(logs).not.toContain(coordinator);
  });

  it('marks the barriers solved when the action is realised, and linked again when it moves back', async () => {
    const b = await newBarrier('De printer staat op enkelzijdig.');
    const action = await newAction('Printers dubbelzijdig');
    const linked = await h.api<TriageResponse>('POST', '/api/inbox/link', { token: coordinator, body: { barrierIds: [b.barrierId], actionId: action.actionId } });
    expect(linked.status).toBe(200);
    const done = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': linked.body.action?.etag ?? '' },
      body: { status: 'gerealiseerd' },
    });
    expect(done.status).toBe(200);
    expect((await h.repos.barriers.get(ORG, b.barrierId))?.status).toBe('opgelost');
    const back = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': done.body.action.etag },
      body: { status: 'in_uitvoering' },
    });
    expect(back.status).toBe(200);
    expect((await h.repos.barriers.get(ORG, b.barrierId))?.status).toBe('gekoppeld');
  });

  it('leaves actions that have not started (idee, gepland) out of "you said, we did"', async () => {
    const b = await newBarrier('Er is geen fietsenstalling bij de werf.');
    const action = await newAction('Fietsenstalling werf');
    await h.api('POST', '/api/inbox/link', { token: coordinator, body: { barrierIds: [b.barrierId], actionId: action.actionId } });
    const yousaid = await h.api<YouSaidResponse>('GET', '/api/yousaid', { token: employee });
    expect(yousaid.body.entries.map((e) => e.action.actionId)).not.toContain(action.actionId);
    expect(yousaid.body.weDidStatuses).toEqual(['in_uitvoering', 'gerealiseerd']);
  });
});

describe('the Done-when flow with the local dev sign-in (no Entra app configured)', () => {
  let dev: TabApiHarness;
  beforeAll(async () => {
    dev = await startTabApi({ sso: false });
  });
  afterAll(async () => {
    await dev?.close();
  });

  it('lets the dev coordinator triage three barriers into an action in uitvoering that the kansenkaart and "you said, we did" show', async () => {
    const coord = await dev.devToken(TAB_USERS.coordinator, 'coordinator');
    const reader = await dev.devToken(TAB_USERS.employee, 'employee');
    const ids: string[] = [];
    for (const text of BARRIER_TEXTS) {
      ids.push((await dev.repos.barriers.create({ orgId: ORG, campaignId: dev.campaign.campaignId, teamId: TAB_TEAMS.big, theme: 'circulariteit', text })).barrierId);
    }
    const created = await dev.api<TriageResponse>('POST', '/api/inbox/create-action', {
      token: coord,
      body: { barrierIds: ids, action: { title: { nl: 'Mokken', en: 'Mugs' }, theme: 'circulariteit', dimension: 'cultuur', owner: 'Facilitair' } },
    });
    expect(created.status).toBe(201);
    const action = created.body.action;
    if (!action) throw new Error('no action');
    const moved = await dev.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, { token: coord, headers: { 'If-Match': action.etag }, body: { status: 'in_uitvoering' } });
    expect(moved.status).toBe(200);
    const programme = await dev.api<ProgrammeResponse>('GET', '/api/programme', { token: reader });
    expect(programme.body.kansenkaart.cells.find((c) => c.theme === 'circulariteit' && c.dimension === 'cultuur')?.actionIds).toEqual([action.actionId]);
    const yousaid = await dev.api<YouSaidResponse>('GET', '/api/yousaid', { token: reader });
    expect(yousaid.body.entries.map((e) => [e.action.actionId, e.action.status, e.barriers.length])).toEqual([[action.actionId, 'in_uitvoering', 3]]);
    expect((await dev.api('POST', '/api/inbox/dismiss', { token: reader, body: { barrierIds: ids, reason: 'x' } })).status).toBe(403);
  });
});

describe('coordinators edit; everyone reads', () => {
  it('creates, edits and annotates an action, each with its ETag', async () => {
    const action = await newAction();
    expect(action.nextStatuses).toEqual(['gepland', 'in_uitvoering', 'gerealiseerd', 'geparkeerd']);
    const edited = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': action.etag },
      body: { owner: 'Team Facilitair', dueDate: '2026-12-18', dimension: 'organisatie' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.action).toMatchObject({ owner: 'Team Facilitair', dueDate: '2026-12-18', dimension: 'organisatie' });
    const cleared = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': edited.body.action.etag },
      body: { dueDate: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.action.dueDate).toBeUndefined();
    const note = await h.api<{ entry: { kind: string; text: unknown } }>('POST', `/api/actions/${action.actionId}/notes`, {
      token: coordinator,
      body: { text: { nl: 'Offerte aangevraagd.', en: 'Quote requested.' } },
    });
    expect(note.status).toBe(201);
    expect(note.body.entry).toMatchObject({ kind: 'note', text: { nl: 'Offerte aangevraagd.', en: 'Quote requested.' } });
    const programme = await h.api<ProgrammeResponse>('GET', '/api/programme', { token: coordinator });
    expect(programme.body.canEdit).toBe(true);
    expect(programme.body.actions.find((a) => a.actionId === action.actionId)?.owner).toBe('Team Facilitair');
  });
});

describe('typed texts are stored without control or bidi characters', () => {
  it('cleans an action\'s title, description and owner, an edit and a note, before counting and storing them', async () => {
    const created = await h.api<ActionResponse>('POST', '/api/actions', {
      token: coordinator,
      body: {
        title: { nl: sprinkled('Mokken bij de automaat'), en: RLO_FILE_NAME },
        description: { nl: sprinkled('x'.repeat(100)), en: '' },
        theme: 'circulariteit',
        dimension: 'uitvoering',
        owner: sprinkled('Facilitair'),
      },
    });
    expect(created.status).toBe(201);
    const { actionId, etag } = created.body.action;
    const edited = await h.api<ActionResponse>('PATCH', `/api/actions/${actionId}`, {
      token: coordinator,
      headers: { 'If-Match': etag },
      // Over the limit only with the hidden characters counted: accepted, because they are removed first.
      body: { title: { nl: sprinkled('t'.repeat(ACTION_TITLE_MAX)), en: RLO_FILE_NAME } },
    });
    expect(edited.status).toBe(200);
    const note = await h.api('POST', `/api/actions/${actionId}/notes`, { token: coordinator, body: { text: sprinkled('Offerte aangevraagd') } });
    expect(note.status).toBe(201);
    const stored = await h.repos.actions.get(ORG, actionId);
    expect(stored?.action).toMatchObject({ title: { nl: 't'.repeat(ACTION_TITLE_MAX), en: 'factuurtxt.exe' }, description: { nl: 'x'.repeat(100), en: '' }, owner: 'Facilitair' });
    const timeline = await h.repos.actions.timeline(actionId);
    expect(timeline.map((e) => e.text)).toContain('Offerte aangevraagd');
    expect(hiddenCharsIn([stored, timeline])).toEqual([]);
  });
});

describe('bad input (each answered with a code the tab translates; nothing partial stored)', () => {
  async function actionCount(): Promise<number> {
    return (await h.repos.actions.list(ORG)).length;
  }

  it('asks for a token', async () => {
    const res = await h.api<ErrorBody>('GET', '/api/programme');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses every write to a non-coordinator with 403', async () => {
    const action = await newAction();
    const before = await actionCount();
    const calls: [string, string, unknown, Record<string, string>?][] = [
      ['POST', '/api/actions', { title: { nl: 'x', en: 'x' }, theme: 'mvoi', dimension: 'beleid', owner: 'x' }],
      ['PATCH', `/api/actions/${action.actionId}`, { status: 'gepland' }, { 'If-Match': action.etag }],
      ['POST', `/api/actions/${action.actionId}/notes`, { text: 'hallo' }],
    ];
    for (const [method, path, body, headers] of calls) {
      const res = await h.api<ErrorBody>(method, path, { token: employee, body, ...(headers ? { headers } : {}) });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN' });
    }
    expect(await actionCount()).toBe(before);
    const stored = await h.repos.actions.get(ORG, action.actionId);
    expect(stored?.action.status).toBe('idee');
    expect(await h.repos.actions.timeline(action.actionId)).toHaveLength(1);
  });

  it('rejects malformed bodies, wrong types, unknown fields and oversized texts with VALIDATION_FAILED', async () => {
    const before = await actionCount();
    const good = { title: { nl: 'Goed', en: 'Good' }, theme: 'mvoi', dimension: 'beleid', owner: 'Inkoop' };
    const malformed = await h.api<ErrorBody>('POST', '/api/actions', { token: coordinator, rawBody: '{"title": ' });
    expect(malformed.status).toBe(400);
    const cases: [unknown, string, string][] = [
      [{ ...good, theme: 5 }, 'theme', 'invalid_value'],
      [{ ...good, theme: 'water' }, 'theme', 'invalid_value'],
      [{ ...good, owner: '   ' }, 'owner', 'required'],
      [{ ...good, title: { nl: 'x'.repeat(ACTION_TITLE_MAX + 1), en: '' } }, 'title.nl', 'too_long'],
      [{ ...good, dueDate: '2026-02-30' }, 'dueDate', 'invalid_date'],
      [{ ...good, actionId: 'mine' }, '(body)', 'unrecognized_keys'],
      [[good], '(body)', 'invalid_type'],
    ];
    for (const [body, path, rule] of cases) {
      const res = await h.api<ErrorBody>('POST', '/api/actions', { token: coordinator, body });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, rule })]));
    }
    const tooLong = await h.api<ErrorBody>('POST', '/api/actions', { token: coordinator, body: { ...good, title: { nl: 'x'.repeat(ACTION_TITLE_MAX + 1), en: '' } } });
    expect(tooLong.body.details?.issues?.[0]?.max).toBe(ACTION_TITLE_MAX);
    expect(await actionCount()).toBe(before);

    const action = await newAction();
    const note = await h.api<ErrorBody>('POST', `/api/actions/${action.actionId}/notes`, { token: coordinator, body: { text: 'x'.repeat(ACTION_NOTE_MAX + 1) } });
    expect(note.status).toBe(400);
    const empty = await h.api<ErrorBody>('PATCH', `/api/actions/${action.actionId}`, { token: coordinator, headers: { 'If-Match': action.etag }, body: {} });
    expect(empty.status).toBe(400);
    expect(await h.repos.actions.timeline(action.actionId)).toHaveLength(1);
  });

  it('answers unknown ids, OData-looking ones included, with NOT_FOUND', async () => {
    for (const id of ['0000000000000000', "' or 1 eq 1", "x' or PartitionKey ne '", 'a'.repeat(300)]) {
      const res = await h.api<ErrorBody>('GET', `/api/actions/${encodeURIComponent(id)}`, { token: employee });
      expect({ id, status: res.status, code: res.body.code }).toEqual({ id, status: 404, code: 'NOT_FOUND' });
      const patch = await h.api<ErrorBody>('PATCH', `/api/actions/${encodeURIComponent(id)}`, {
        token: coordinator,
        headers: { 'If-Match': 'W/"x"' },
        body: { status: 'gepland' },
      });
      expect(patch.status).toBe(404);
      const note = await h.api<ErrorBody>('POST', `/api/actions/${encodeURIComponent(id)}/notes`, { token: coordinator, body: { text: 'hallo' } });
      expect(note.status).toBe(404);
    }
  });

  it('refuses a stale ETag (412 STALE) and a missing If-Match, changing nothing', async () => {
    const action = await newAction();
    const first = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': action.etag },
      body: { owner: 'Eerste' },
    });
    expect(first.status).toBe(200);
    const stale = await h.api<ErrorBody>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': action.etag },
      body: { owner: 'Tweede' },
    });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 412, code: 'STALE' });
    const missing = await h.api<ErrorBody>('PATCH', `/api/actions/${action.actionId}`, { token: coordinator, body: { owner: 'Derde' } });
    expect(missing.status).toBe(400);
    expect(missing.body.details?.rule).toBe('if_match_required');
    expect((await h.repos.actions.get(ORG, action.actionId))?.action.owner).toBe('Eerste');
  });

  it('refuses a forbidden status transition (gerealiseerd → idee) with its rule', async () => {
    const action = await newAction();
    const done = await h.api<ActionResponse>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': action.etag },
      body: { status: 'gerealiseerd' },
    });
    expect(done.status).toBe(200);
    expect(done.body.action.nextStatuses).toEqual(['in_uitvoering', 'geparkeerd']);
    const back = await h.api<ErrorBody>('PATCH', `/api/actions/${action.actionId}`, {
      token: coordinator,
      headers: { 'If-Match': done.body.action.etag },
      body: { status: 'idee' },
    });
    expect(back.status).toBe(400);
    expect(back.body.details?.issues).toEqual([{ path: 'status', rule: 'status_transition' }]);
    expect((await h.repos.actions.get(ORG, action.actionId))?.action.status).toBe('gerealiseerd');
  });
});
