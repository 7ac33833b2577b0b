/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InboxBarrier, InboxResponse, TriageResponse } from '@soestainable/shared/api/inbox';
import type { ActionView } from '@soestainable/shared/api/programme';
import { apiError, PENDING, renderTab, sessionOf, type AnswerSpec, type FakeAnswer } from './harness';

const coordinator = sessionOf({ roles: ['coordinator'] });

function barrier(id: string, reference: string, text: string, overrides: Partial<InboxBarrier> = {}): InboxBarrier {
  return { barrierId: id, reference, theme: 'circulariteit', teamId: 't-zon', text, createdAt: '2026-11-02T09:00:00.000Z', recognitions: 0, ...overrides };
}

const B1 = barrier('b1', 'P-0001', 'Alleen wegwerpbekers bij de koffie');
const B2 = barrier('b2', 'P-0002', 'Geen eigen beker mogelijk bij de automaat');
const B3 = barrier('b3', 'P-0003', 'Koffiebekers zijn van plastic');
const B4 = barrier('b4', 'P-0004', 'Geen fietsenstalling bij het stadhuis', { theme: 'energietransitie', teamId: 't-maan' });

function inbox(barriers: InboxBarrier[]): InboxResponse {
  const groups = [
    { theme: 'circulariteit' as const, teamId: 't-zon', teamName: 'Team Zon', barriers: barriers.filter((b) => b.theme === 'circulariteit') },
    { theme: 'energietransitie' as const, teamId: 't-maan', teamName: 'Team Maan', barriers: barriers.filter((b) => b.theme === 'energietransitie') },
  ]
    .filter((g) => g.barriers.length > 0)
    .map((g) => ({ ...g, count: g.barriers.length }));
  return {
    total: barriers.length,
    byTheme: {
      circulariteit: barriers.filter((b) => b.theme === 'circulariteit').length,
      energietransitie: barriers.filter((b) => b.theme === 'energietransitie').length,
      mvoi: 0,
    },
    byTeam: groups.map((g) => ({ teamId: g.teamId, teamName: g.teamName, count: g.count })),
    groups,
    actions: [{ actionId: 'a1', title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, theme: 'circulariteit', dimension: 'uitvoering', status: 'gepland', barrierCount: 2 }],
    statusCounts: { nieuw: barriers.length },
  };
}

const actionView = (title: string): ActionView => ({
  actionId: 'a9',
  title: { nl: title, en: '' },
  description: { nl: '', en: '' },
  theme: 'circulariteit',
  dimension: 'uitvoering',
  status: 'idee',
  owner: 'Facilitair',
  barrierCount: 3,
  createdAt: '2026-11-05T09:00:00.000Z',
  updatedAt: '2026-11-05T09:00:00.000Z',
  etag: 'W/"1"',
  nextStatuses: ['gepland', 'in_uitvoering', 'gerealiseerd', 'geparkeerd'],
  demo: false,
});

/** The inbox before and after one triage call: answers the first GET with `before`, later ones with `after`. */
function sequence(before: InboxResponse, after: InboxResponse): AnswerSpec {
  let n = 0;
  return () => ({ body: ++n === 1 ? before : after });
}

/** Answers in turn, one per call; the last one again for any later call. */
function inTurn(...answers: FakeAnswer[]): AnswerSpec {
  let n = 0;
  return () => answers[Math.min(n++, answers.length - 1)] ?? apiError(500, 'INTERNAL');
}

const conflictOn = (barrierId: string): FakeAnswer => ({ status: 409, body: { code: 'CONFLICT', message: 'x', details: { barrierId, status: 'gekoppeld' } } });

// In jsdom, Tabster (Fluent's focus manager) may mark an open dialog itself aria-hidden until focus has moved into
// it (a real browser does not: the Chromium e2e finds the create-action dialog by its role), so queries inside dialogs pass
// `hidden: true` rather than race it.
describe('barrier inbox', () => {
  test('loading, then barriers grouped by theme and team with counts (Dutch)', async () => {
    const pending = renderTab('#/inbox', { session: coordinator, answers: { 'GET /api/inbox': PENDING } });
    // The page itself (not the shell's lazy-loading fallback) is on screen, waiting for its data.
    expect(await screen.findByRole('heading', { level: 1, name: 'Prikkels triëren' }, { timeout: 20000 })).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    pending.unmount();
    renderTab('#/inbox', { session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B1, B2, B3, B4]) } } });
    expect(await screen.findByRole('heading', { name: '4 nieuwe prikkels' })).toBeTruthy();
    const group = screen.getByRole('region', { name: 'Circulariteit · Team Zon (3)' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(4);
    expect(screen.getByRole('region', { name: 'Energietransitie · Team Maan (1)' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Per team' })).getByText('Team Zon: 3')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Per thema' })).getByText('Verantwoord inkopen (MVOI): 0')).toBeTruthy();
  });

  test('the heading counts one new barrier in the singular and two in the plural (Dutch and English)', async () => {
    const one = renderTab('#/inbox', { session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B4]) } } });
    expect(await screen.findByRole('heading', { name: '1 nieuwe prikkel' }, { timeout: 20000 })).toBeTruthy();
    one.unmount();
    const two = renderTab('#/inbox', { session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B1, B4]) } } });
    expect(await screen.findByRole('heading', { name: '2 nieuwe prikkels' }, { timeout: 20000 })).toBeTruthy();
    two.unmount();
    renderTab('#/inbox', { lang: 'en', session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B4]) } } });
    expect(await screen.findByRole('heading', { name: '1 new barrier' }, { timeout: 20000 })).toBeTruthy();
  });

  test('an empty inbox says everything is triaged; a failure shows the coded error in English', async () => {
    const empty = renderTab('#/inbox', { session: coordinator, answers: { 'GET /api/inbox': { body: inbox([]) } } });
    expect((await screen.findByRole('status')).textContent).toContain('Geen nieuwe prikkels: alles is getriëerd.');
    empty.unmount();
    renderTab('#/inbox', { lang: 'en', session: coordinator, answers: { 'GET /api/inbox': apiError(403, 'FORBIDDEN') } });
    expect((await screen.findByRole('alert')).textContent).toContain('Your role does not allow you to see or do this.');
  });

  test('a non-coordinator gets the shell’s note and the inbox is never asked for', async () => {
    const tab = renderTab('#/inbox', { lang: 'en', answers: { 'GET /api/inbox': { body: inbox([B1]) } } });
    expect(await screen.findByText('This section is for the programme coordinators only.')).toBeTruthy();
    expect(tab.calls.some((c) => c.path === '/api/inbox')).toBe(false);
  });

  test('three barriers become a new action: fields checked first, then one call, a result and a fresh inbox', async () => {
    const user = userEvent.setup();
    const created: TriageResponse = { barriers: ['b1', 'b2', 'b3'].map((barrierId) => ({ barrierId, status: 'gekoppeld' })), action: actionView('Eigen beker overal'), changed: true };
    const tab = renderTab('#/inbox', {
      session: coordinator,
      answers: { 'GET /api/inbox': sequence(inbox([B1, B2, B3, B4]), inbox([B4])), 'POST /api/inbox/create-action': { status: 201, body: created } },
    });
    const group = await screen.findByRole('region', { name: 'Circulariteit · Team Zon (3)' });
    await user.click(within(group).getByRole('checkbox', { name: 'Kies alle prikkels van Circulariteit · Team Zon' }));
    expect(screen.getByText('3 gekozen')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nieuwe actie maken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuwe actie van 3 prikkels', hidden: true });
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(within(dialog).getAllByText('Vul dit in.')).toHaveLength(2);
    expect(tab.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.type(within(dialog).getByRole('textbox', { name: /Titel \(Nederlands\)/, hidden: true }), 'Eigen beker overal');
    await user.type(within(dialog).getByRole('textbox', { name: /Eigenaar/, hidden: true }), 'Facilitair');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Inbedding', hidden: true }), 'organisatie');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect((await screen.findByText('Actie "Eigen beker overal" gemaakt met 3 prikkels.')).closest('[role="status"]')).toBeTruthy();
    const post = tab.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/inbox/create-action');
    expect(post?.body).toEqual({
      barrierIds: ['b1', 'b2', 'b3'],
      action: { title: { nl: 'Eigen beker overal', en: '' }, theme: 'circulariteit', dimension: 'organisatie', owner: 'Facilitair' },
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Circulariteit · Team Zon (3)' })).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('link to an existing action (English)', async () => {
    const user = userEvent.setup();
    const linked: TriageResponse = { barriers: [{ barrierId: 'b4', status: 'gekoppeld' }], action: { ...actionView('Herbruikbare bekers'), title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' } }, changed: true };
    const tab = renderTab('#/inbox', { lang: 'en', session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B1, B4]) }, 'POST /api/inbox/link': { body: linked } } });
    await user.click(await screen.findByRole('checkbox', { name: 'Geen fietsenstalling bij het stadhuis' }));
    await user.click(screen.getByRole('button', { name: 'Link to action' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link 1 barrier to an action', hidden: true });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Action', hidden: true }), 'a1');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm', hidden: true }));
    expect(await screen.findByText('1 barrier linked to "Reusable cups".')).toBeTruthy();
    expect(tab.calls.find((c) => c.method === 'POST')?.body).toEqual({ barrierIds: ['b4'], actionId: 'a1' });
  });

  test('merge keeps the chosen barrier; merge needs two', async () => {
    const user = userEvent.setup();
    const merged: TriageResponse = { barriers: [{ barrierId: 'b1', status: 'samengevoegd' }], changed: true };
    const tab = renderTab('#/inbox', { session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B1, B2, B3]) }, 'POST /api/inbox/merge': { body: merged } } });
    await user.click(await screen.findByRole('checkbox', { name: B1.text }));
    expect((screen.getByRole('button', { name: 'Dubbele samenvoegen' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: B3.text }));
    await user.click(screen.getByRole('button', { name: 'Dubbele samenvoegen' }));
    const dialog = await screen.findByRole('dialog', { name: '2 prikkels samenvoegen', hidden: true });
    await user.click(within(dialog).getByRole('radio', { name: `P-0003: ${B3.text}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(await screen.findByText('1 prikkel samengevoegd met P-0003.')).toBeTruthy();
    expect(tab.calls.find((c) => c.method === 'POST')?.body).toEqual({ barrierIds: ['b1'], intoBarrierId: 'b3' });
  });

  test('dismiss needs a reason; a server refusal stays in the dialog in the user’s language', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/inbox', { lang: 'en', session: coordinator, answers: { 'GET /api/inbox': { body: inbox([B1]) }, 'POST /api/inbox/dismiss': apiError(413, 'TOO_LARGE') } });
    await user.click(await screen.findByRole('checkbox', { name: B1.text }));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss 1 barrier', hidden: true });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm', hidden: true }));
    expect(within(dialog).getByText('Fill this in.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/, hidden: true }), 'Out of scope');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm', hidden: true }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('This is too long.');
    expect(tab.calls.find((c) => c.method === 'POST')?.body).toEqual({ barrierIds: ['b1'], reason: 'Out of scope' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  test('the only chosen barrier someone else already triaged: the dialog closes with a warning, the reason comes back when it opens again', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/inbox', {
      session: coordinator,
      answers: { 'GET /api/inbox': sequence(inbox([B1, B2]), inbox([B2])), 'POST /api/inbox/dismiss': conflictOn('b1') },
    });
    await user.click(await screen.findByRole('checkbox', { name: B1.text }));
    await user.click(screen.getByRole('button', { name: 'Afwijzen' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await user.type(within(dialog).getByRole('textbox', { name: /Reden/, hidden: true }), 'Dubbel');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Een andere coördinator heeft 1 van de gekozen prikkels al afgehandeld (P-0001); er is niet genoeg over om verder te gaan.',
    );
    expect(tab.calls.filter((c) => c.path === '/api/inbox')).toHaveLength(2);
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(screen.queryByRole('checkbox', { name: B1.text })).toBeNull();
    expect(screen.getByText('Kies eerst één of meer prikkels.')).toBeTruthy();
    // Another barrier, the same step: what was typed is there again. (`hidden`: Tabster may keep the page
    // aria-hidden in jsdom for a moment after the dialog closed.)
    await user.click(screen.getByRole('checkbox', { name: B2.text, hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Afwijzen', hidden: true }));
    const again = await screen.findByRole('dialog', { name: '1 prikkel afwijzen', hidden: true }, { timeout: 5000 });
    expect((within(again).getByRole('textbox', { name: /Reden/, hidden: true }) as HTMLTextAreaElement).value).toBe('Dubbel');
  });

  test('a new action from three barriers, one of them taken by another coordinator: the dialog keeps what was typed, drops it, and confirms for the rest', async () => {
    const user = userEvent.setup();
    const created: TriageResponse = { barriers: ['b2', 'b3'].map((barrierId) => ({ barrierId, status: 'gekoppeld' })), action: actionView('Eigen beker overal'), changed: true };
    const tab = renderTab('#/inbox', {
      session: coordinator,
      answers: {
        'GET /api/inbox': inTurn({ body: inbox([B1, B2, B3, B4]) }, { body: inbox([B2, B3, B4]) }, { body: inbox([B4]) }),
        'POST /api/inbox/create-action': inTurn(conflictOn('b1'), { status: 201, body: created }),
      },
    });
    const group = await screen.findByRole('region', { name: 'Circulariteit · Team Zon (3)' });
    await user.click(within(group).getByRole('checkbox', { name: 'Kies alle prikkels van Circulariteit · Team Zon' }));
    await user.click(screen.getByRole('button', { name: 'Nieuwe actie maken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuwe actie van 3 prikkels', hidden: true });
    await user.type(within(dialog).getByRole('textbox', { name: /Titel \(Nederlands\)/, hidden: true }), 'Eigen beker overal');
    await user.type(within(dialog).getByRole('textbox', { name: /Titel \(Engels/, hidden: true }), 'Own cup everywhere');
    await user.type(within(dialog).getByRole('textbox', { name: /Eigenaar/, hidden: true }), 'Facilitair');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect((await within(dialog).findByRole('alert', { hidden: true })).textContent).toBe(
      'Een andere coördinator heeft 1 van de gekozen prikkels al afgehandeld (P-0001); die is uit je keuze gehaald. Wat je invulde, staat er nog: bevestig opnieuw voor de rest.',
    );
    expect(await screen.findByRole('dialog', { name: 'Nieuwe actie van 2 prikkels', hidden: true })).toBe(dialog);
    expect((within(dialog).getByRole('textbox', { name: /Titel \(Nederlands\)/, hidden: true }) as HTMLInputElement).value).toBe('Eigen beker overal');
    expect((within(dialog).getByRole('textbox', { name: /Titel \(Engels/, hidden: true }) as HTMLInputElement).value).toBe('Own cup everywhere');
    expect((within(dialog).getByRole('textbox', { name: /Eigenaar/, hidden: true }) as HTMLInputElement).value).toBe('Facilitair');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(await screen.findByText('Actie "Eigen beker overal" gemaakt met 2 prikkels.')).toBeTruthy();
    const posts = tab.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => (c.body as { barrierIds: string[] }).barrierIds)).toEqual([
      ['b1', 'b2', 'b3'],
      ['b2', 'b3'],
    ]);
    expect(posts[1]?.body).toEqual({
      barrierIds: ['b2', 'b3'],
      action: { title: { nl: 'Eigen beker overal', en: 'Own cup everywhere' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  test('dismissing three, two of them gone (NOT_FOUND): the warning counts them in the plural (English), the reason stays, the rest is dismissed', async () => {
    const user = userEvent.setup();
    const dismissed: TriageResponse = { barriers: [{ barrierId: 'b4', status: 'afgewezen' }], changed: true };
    const tab = renderTab('#/inbox', {
      lang: 'en',
      session: coordinator,
      answers: {
        'GET /api/inbox': inTurn({ body: inbox([B1, B2, B4]) }, { body: inbox([B4]) }, { body: inbox([]) }),
        'POST /api/inbox/dismiss': inTurn({ status: 404, body: { code: 'NOT_FOUND', message: 'x', details: { barrierId: 'b2' } } }, { body: dismissed }),
      },
    });
    for (const b of [B1, B2, B4]) await user.click(await screen.findByRole('checkbox', { name: b.text }));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss 3 barriers', hidden: true });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/, hidden: true }), 'Out of scope');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm', hidden: true }));
    expect((await within(dialog).findByRole('alert', { hidden: true })).textContent).toBe(
      'Another coordinator already handled 2 of the selected barriers (P-0001, P-0002); they were taken out of your selection. What you filled in is still there: confirm again for the rest.',
    );
    expect(await screen.findByRole('dialog', { name: 'Dismiss 1 barrier', hidden: true })).toBe(dialog);
    expect((within(dialog).getByRole('textbox', { name: /Reason/, hidden: true }) as HTMLTextAreaElement).value).toBe('Out of scope');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm', hidden: true }));
    expect(await screen.findByText('1 barrier dismissed.')).toBeTruthy();
    expect(tab.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { barrierIds: ['b1', 'b2', 'b4'], reason: 'Out of scope' },
      { barrierIds: ['b4'], reason: 'Out of scope' },
    ]);
  });

  test('merging three into the one another coordinator just handled: the dialog drops it and merges into one that is left', async () => {
    const user = userEvent.setup();
    const merged: TriageResponse = { barriers: [{ barrierId: 'b2', status: 'samengevoegd' }], changed: true };
    const tab = renderTab('#/inbox', {
      session: coordinator,
      answers: {
        'GET /api/inbox': inTurn({ body: inbox([B1, B2, B3]) }, { body: inbox([B1, B2]) }),
        'POST /api/inbox/merge': inTurn(conflictOn('b3'), { body: merged }),
      },
    });
    for (const b of [B1, B2, B3]) await user.click(await screen.findByRole('checkbox', { name: b.text }));
    await user.click(screen.getByRole('button', { name: 'Dubbele samenvoegen' }));
    const dialog = await screen.findByRole('dialog', { name: '3 prikkels samenvoegen', hidden: true });
    await user.click(within(dialog).getByRole('radio', { name: `P-0003: ${B3.text}`, hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect((await within(dialog).findByRole('alert', { hidden: true })).textContent).toContain('Een andere coördinator heeft 1 van de gekozen prikkels al afgehandeld (P-0003)');
    expect(await screen.findByRole('dialog', { name: '2 prikkels samenvoegen', hidden: true })).toBe(dialog);
    expect((within(dialog).getByRole('radio', { name: `P-0001: ${B1.text}`, hidden: true }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(await screen.findByText('1 prikkel samengevoegd met P-0001.')).toBeTruthy();
    expect(tab.calls.filter((c) => c.method === 'POST')[1]?.body).toEqual({ barrierIds: ['b2'], intoBarrierId: 'b1' });
  });

  test('a barrier another action took half-way stays in the inbox but leaves the selection: linking it again would be refused again', async () => {
    const user = userEvent.setup();
    const linked: TriageResponse = { barriers: [{ barrierId: 'b2', status: 'gekoppeld' }], action: { ...actionView('Herbruikbare bekers'), actionId: 'a1' }, changed: true };
    const halfLinked = { ...B1, pendingActionId: 'a7' };
    const tab = renderTab('#/inbox', {
      session: coordinator,
      answers: {
        'GET /api/inbox': inTurn({ body: inbox([B1, B2]) }, { body: inbox([halfLinked, B2]) }),
        'POST /api/inbox/link': inTurn({ status: 409, body: { code: 'CONFLICT', message: 'x', details: { barrierId: 'b1', actionId: 'a7' } } }, { body: linked }),
      },
    });
    for (const b of [B1, B2]) await user.click(await screen.findByRole('checkbox', { name: b.text }));
    await user.click(screen.getByRole('button', { name: 'Koppelen aan actie' }));
    const dialog = await screen.findByRole('dialog', { name: '2 prikkels koppelen aan een actie', hidden: true });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Actie', hidden: true }), 'a1');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(await within(dialog).findByText(/^Een andere coördinator heeft 1 van de gekozen prikkels al afgehandeld \(P-0001\)/)).toBeTruthy();
    expect(await screen.findByRole('dialog', { name: '1 prikkel koppelen aan een actie', hidden: true })).toBe(dialog);
    expect((within(dialog).getByRole('combobox', { name: 'Actie', hidden: true }) as HTMLSelectElement).value).toBe('a1');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(await screen.findByText('1 prikkel gekoppeld aan "Herbruikbare bekers".')).toBeTruthy();
    expect(tab.calls.filter((c) => c.method === 'POST')[1]?.body).toEqual({ barrierIds: ['b2'], actionId: 'a1' });
    // Tabster may still keep the page aria-hidden in jsdom right after the dialog closed (see above).
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect((screen.getByRole('checkbox', { name: B1.text, hidden: true }) as HTMLInputElement).checked).toBe(false);
  });

  test('linking to an action someone removed (NOT_FOUND): the barriers stay chosen and the dialog asks for another action', async () => {
    const user = userEvent.setup();
    const other = { actionId: 'a2', title: { nl: 'Fietsplan', en: 'Cycling plan' }, theme: 'energietransitie' as const, dimension: 'uitvoering' as const, status: 'gepland' as const, barrierCount: 0 };
    const linked: TriageResponse = { barriers: [{ barrierId: 'b4', status: 'gekoppeld' }], action: { ...actionView('Fietsplan'), actionId: 'a2' }, changed: true };
    const tab = renderTab('#/inbox', {
      session: coordinator,
      answers: {
        'GET /api/inbox': inTurn({ body: inbox([B1, B4]) }, { body: { ...inbox([B1, B4]), actions: [other] } }),
        'POST /api/inbox/link': inTurn({ status: 404, body: { code: 'NOT_FOUND', message: 'x', details: { actionId: 'a1' } } }, { body: linked }),
      },
    });
    await user.click(await screen.findByRole('checkbox', { name: B4.text }));
    await user.click(screen.getByRole('button', { name: 'Koppelen aan actie' }));
    const dialog = await screen.findByRole('dialog', { name: '1 prikkel koppelen aan een actie', hidden: true });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Actie', hidden: true }), 'a1');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    // The warning, and the field's own message: the removed action is no longer a choice.
    expect(await within(dialog).findByText('De gekozen actie bestaat niet meer. Kies een andere actie en bevestig opnieuw.')).toBeTruthy();
    expect(within(dialog).getByText('Vul dit in.')).toBeTruthy();
    const select = within(dialog).getByRole('combobox', { name: 'Actie', hidden: true }) as HTMLSelectElement;
    expect(select.value).toBe('');
    await user.selectOptions(select, 'a2');
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen', hidden: true }));
    expect(await screen.findByText('1 prikkel gekoppeld aan "Fietsplan".')).toBeTruthy();
    expect(tab.calls.filter((c) => c.method === 'POST')[1]?.body).toEqual({ barrierIds: ['b4'], actionId: 'a2' });
  });

  // The server stamps a barrier with the start of its Amsterdam day in UTC (bot/src/storage/repositories/reports.ts):
  // the evening before in UTC, one hour before midnight in winter and two in summer. The tab shows the Amsterdam day.
  test.each([
    ['winter', '2026-12-04T23:00:00.000Z', 'nl', 'P-0001 · 5 december 2026'],
    ['summer', '2026-06-04T22:00:00.000Z', 'nl', 'P-0001 · 5 juni 2026'],
    ['winter, English', '2026-12-04T23:00:00.000Z', 'en', 'P-0001 · 5 December 2026'],
  ] as const)('a barrier stamped at the start of its day shows that day, not the UTC day before (%s)', async (_season, createdAt, lang, shown) => {
    renderTab('#/inbox', { lang, session: coordinator, answers: { 'GET /api/inbox': { body: inbox([{ ...B1, createdAt }]) } } });
    const meta = await screen.findByText(/^P-0001 ·/, {}, { timeout: 20000 });
    expect(meta.textContent).toBe(shown);
  });
});
