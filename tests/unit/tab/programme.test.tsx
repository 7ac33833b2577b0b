/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionDetailResponse, ActionView, ProgrammeResponse, YouSaidResponse } from '@soestainable/shared/api/programme';
import { nextStatuses } from '@soestainable/shared/domain/programme';
import { ACTION_STATUSES, DIMENSIONS, THEMES, type ActionStatus, type Dimension, type Theme } from '@soestainable/shared/domain/types';
import { apiError, PENDING, renderTab, sessionOf, type RecordedCall } from './harness';

const coordinator = sessionOf({ roles: ['coordinator'] });

function action(id: string, overrides: Partial<ActionView> = {}): ActionView {
  const status: ActionStatus = overrides.status ?? 'idee';
  return {
    actionId: id,
    title: { nl: `Actie ${id}`, en: `Action ${id}` },
    description: { nl: '', en: '' },
    theme: 'circulariteit',
    dimension: 'beleid',
    status,
    owner: 'Facilitair',
    barrierCount: 0,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    etag: `W/"${id}-1"`,
    nextStatuses: nextStatuses(status),
    demo: true,
    ...overrides,
  };
}

function programme(actions: ActionView[], canEdit = false): ProgrammeResponse {
  const zero = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const cells = THEMES.flatMap((theme: Theme) =>
    DIMENSIONS.map((dimension: Dimension) => {
      const inCell = actions.filter((a) => a.theme === theme && a.dimension === dimension);
      const byStatus = { ...zero };
      for (const a of inCell) byStatus[a.status] += 1;
      return { theme, dimension, count: inCell.length, actionIds: inCell.map((a) => a.actionId), byStatus, barrierCount: 0 };
    }),
  );
  return { actions, kansenkaart: { themes: THEMES, dimensions: DIMENSIONS, cells }, canEdit, statuses: ACTION_STATUSES };
}

const ACTIONS = [
  action('a1', { title: { nl: 'Bekers zonder plastic', en: 'Cups without plastic' }, theme: 'circulariteit', dimension: 'uitvoering', status: 'gepland', owner: 'Facilitair' }),
  action('a2', { title: { nl: 'Fietsregeling', en: '' }, theme: 'energietransitie', dimension: 'beleid', status: 'in_uitvoering', owner: 'HR', dueDate: '2026-12-15' }),
  action('a3', { title: { nl: 'Inkoopvoorwaarden', en: 'Purchasing terms' }, theme: 'mvoi', dimension: 'sturing', status: 'idee', owner: 'Inkoop' }),
];

function detail(a: ActionView, canEdit: boolean): ActionDetailResponse {
  return {
    action: a,
    canEdit,
    barriers: [{ barrierId: 'b1', reference: 'P-7K3F', theme: a.theme, text: 'Alleen wegwerpbekers bij de koffie', status: 'gekoppeld', createdAt: '2026-11-02T09:00:00.000Z' }],
    timeline: [
      { updateId: 'u1', at: '2026-11-01T09:00:00.000Z', author: 'u-coord', kind: 'note', text: 'created' },
      { updateId: 'u2', at: '2026-11-03T09:00:00.000Z', author: 'u-coord', kind: 'status', fromStatus: 'idee', toStatus: 'gepland' },
      { updateId: 'u3', at: '2026-11-04T09:00:00.000Z', author: 'u-coord', kind: 'link', barrierIds: ['b1'] },
    ],
  };
}

describe('action programme: kansenkaart and list', () => {
  test('shows a spinner while the programme loads', async () => {
    renderTab('#/programme', { answers: { 'GET /api/programme': PENDING } });
    // The page itself (not the shell's lazy-loading fallback) is on screen, waiting for its data.
    expect(await screen.findByRole('heading', { level: 1, name: 'Actieprogramma' }, { timeout: 20000 })).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });

  test('an empty programme says so (Dutch)', async () => {
    renderTab('#/programme', { answers: { 'GET /api/programme': { body: programme([]) } } });
    expect((await screen.findByRole('status')).textContent).toContain('Er staan nog geen acties in het actieprogramma.');
  });

  test('a failing call shows the coded error in English, and retry fetches again', async () => {
    let calls = 0;
    const tab = renderTab('#/programme', {
      lang: 'en',
      answers: { 'GET /api/programme': () => (++calls === 1 ? apiError(503, 'UNAVAILABLE') : { body: programme(ACTIONS) }) },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Storage cannot be reached right now.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: /Opportunity map/ })).toBeTruthy();
    expect(tab.calls.filter((c) => c.path === '/api/programme')).toHaveLength(2);
  });

  test('the kansenkaart is a table: themes as row headers, dimensions as column headers, actions in their cell', async () => {
    renderTab('#/programme', { answers: { 'GET /api/programme': { body: programme(ACTIONS) } } });
    const table = await screen.findByRole('table', { name: /Kansenkaart/ });
    const columns = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(columns).toEqual(['Thema', 'Beleid', 'Organisatie', 'Cultuur', 'Uitvoering', 'Sturing']);
    const rows = within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(rows).toEqual(['Circulariteit', 'Energietransitie', 'Verantwoord inkopen (MVOI)']);
    // Circulariteit × Uitvoering: the fifth cell of the first body row (after its row header).
    const circular = within(table).getAllByRole('row')[1];
    const cells = within(circular as HTMLElement).getAllByRole('cell');
    expect(cells[3]?.textContent).toContain('Bekers zonder plastic');
    expect(cells[3]?.textContent).toContain('Gepland');
    expect(cells[0]?.textContent).toBe('Geen acties');
    expect(within(table).getByRole('link', { name: 'Bekers zonder plastic' }).getAttribute('href')).toBe('#/programme/action/a1');
  });

  test('in English an untranslated title falls back to Dutch', async () => {
    renderTab('#/programme', { lang: 'en', answers: { 'GET /api/programme': { body: programme(ACTIONS) } } });
    const table = await screen.findByRole('table', { name: /Opportunity map/ });
    expect(within(table).getByRole('link', { name: 'Fietsregeling' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Energy transition' })).toBeTruthy();
    expect(within(table).getAllByText('In progress').length).toBeGreaterThan(0);
  });

  test('the list filters by theme, status and owner', async () => {
    const user = userEvent.setup();
    renderTab('#/programme/list', { lang: 'en', answers: { 'GET /api/programme': { body: programme(ACTIONS) } } });
    const list = await screen.findByRole('list', { name: 'Actions' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'in_uitvoering');
    expect(within(screen.getByRole('list', { name: 'Actions' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('1 of 3 actions')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'Inkoop');
    expect(screen.getByText('No actions match these filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'mvoi');
    expect(within(screen.getByRole('list', { name: 'Actions' })).getByRole('link', { name: 'Purchasing terms' })).toBeTruthy();
  });
});

describe('action programme: an action', () => {
  const a1 = ACTIONS[0] as ActionView;

  test('everyone reads owner, status, barriers and timeline; an employee gets no edit form', async () => {
    renderTab('#/programme/action/a1', { answers: { 'GET /api/actions/a1': { body: detail(a1, false), headers: { ETag: a1.etag } } } });
    expect(await screen.findByRole('heading', { name: 'Bekers zonder plastic' })).toBeTruthy();
    expect(screen.getByText('Facilitair')).toBeTruthy();
    const timeline = screen.getByRole('region', { name: 'Tijdlijn' });
    expect(within(timeline).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Actie aangemaakt'),
      expect.stringContaining('Status: Idee → Gepland'),
      expect.stringContaining('1 prikkel gekoppeld'),
    ]);
    expect(within(screen.getByRole('region', { name: 'Gekoppelde prikkels' })).getByText('Alleen wegwerpbekers bij de koffie')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Actie bijwerken' })).toBeNull();
  });

  test('a coordinator sees only the allowed status moves and saves with If-Match', async () => {
    const user = userEvent.setup();
    const saved = action('a1', { ...a1, status: 'in_uitvoering', etag: 'W/"a1-2"', nextStatuses: nextStatuses('in_uitvoering') });
    let version = 1;
    const tab = renderTab('#/programme/action/a1', {
      session: coordinator,
      answers: {
        'GET /api/actions/a1': () => (version === 1 ? { body: detail(a1, true), headers: { ETag: a1.etag } } : { body: detail(saved, true), headers: { ETag: saved.etag } }),
        'PATCH /api/actions/a1': () => {
          version = 2;
          return { body: { action: saved }, headers: { ETag: saved.etag } };
        },
      },
    });
    const form = await screen.findByRole('form', { name: 'Actie bijwerken' });
    const picker = within(form).getByRole('combobox', { name: 'Nieuwe status' });
    const options = within(picker).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(options).toEqual(['', ...nextStatuses('gepland')]);
    await user.selectOptions(picker, 'in_uitvoering');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect((await screen.findByText('De actie is bijgewerkt.')).closest('[role="status"]')).toBeTruthy();
    const patch = tab.calls.find((c: RecordedCall) => c.method === 'PATCH');
    expect(patch?.headers['If-Match']).toBe(a1.etag);
    expect(patch?.body).toEqual({ status: 'in_uitvoering' });
    await waitFor(() => expect(screen.getAllByText('In uitvoering').length).toBeGreaterThan(0));
  });

  test('a stale edit says so in English and loads the latest version', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/programme/action/a1', {
      lang: 'en',
      session: coordinator,
      answers: { 'GET /api/actions/a1': { body: detail(a1, true), headers: { ETag: a1.etag } }, 'PATCH /api/actions/a1': apiError(412, 'STALE') },
    });
    const form = await screen.findByRole('form', { name: 'Update the action' });
    const owner = within(form).getByRole('textbox', { name: /Owner/ });
    await user.clear(owner);
    await user.type(owner, 'Team Duurzaam');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this action in the meantime.');
    expect(tab.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ owner: 'Team Duurzaam' });
    await waitFor(() => expect(tab.calls.filter((c) => c.method === 'GET' && c.path === '/api/actions/a1')).toHaveLength(2));
  });

  test('a refused status move and an empty owner are explained in Dutch, and nothing unchanged is sent', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/programme/action/a1', {
      session: coordinator,
      answers: {
        'GET /api/actions/a1': { body: detail(a1, true), headers: { ETag: a1.etag } },
        'PATCH /api/actions/a1': { status: 400, body: { code: 'VALIDATION_FAILED', message: 'x', details: { rule: 'status_transition' } } },
      },
    });
    const form = await screen.findByRole('form', { name: 'Actie bijwerken' });
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await within(form).findByText('Er is niets gewijzigd.')).toBeTruthy();
    expect(tab.calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Nieuwe status' }), 'gerealiseerd');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Deze statuswijziging is niet toegestaan');
    await user.clear(within(form).getByRole('textbox', { name: /Eigenaar/ }));
    expect(within(form).getByText('Vul een eigenaar in.')).toBeTruthy();
    expect((within(form).getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a coordinator posts a note; an unknown action is NOT_FOUND in the user’s language', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/programme/action/a1', {
      session: coordinator,
      answers: {
        'GET /api/actions/a1': { body: detail(a1, true), headers: { ETag: a1.etag } },
        'POST /api/actions/a1/notes': { status: 201, body: { entry: { updateId: 'u9', at: '2026-11-05T09:00:00.000Z', author: 'u-coord', kind: 'note', text: 'Leverancier gebeld' } } },
      },
    });
    const form = await screen.findByRole('form', { name: 'Notitie toevoegen' });
    await user.click(within(form).getByRole('button', { name: 'Notitie plaatsen' }));
    expect(within(form).getByText('Schrijf eerst een notitie.')).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: 'Notitie' }), '  Leverancier gebeld ');
    await user.click(within(form).getByRole('button', { name: 'Notitie plaatsen' }));
    expect(await screen.findByText('De notitie staat in de tijdlijn.')).toBeTruthy();
    expect(tab.calls.find((c) => c.method === 'POST')?.body).toEqual({ text: 'Leverancier gebeld' });
    tab.unmount();
    renderTab('#/programme/action/nope', { lang: 'en', answers: { 'GET /api/actions/nope': apiError(404, 'NOT_FOUND') } });
    expect((await screen.findByRole('alert')).textContent).toContain('This does not exist (any more).');
  });
});

describe('you said, we did', () => {
  const body: YouSaidResponse = {
    weDidStatuses: ['in_uitvoering', 'gerealiseerd'],
    entries: [
      {
        action: { actionId: 'a2', title: { nl: 'Fietsregeling', en: 'Bike scheme' }, description: { nl: 'Nieuwe regeling per 1 januari', en: 'New scheme from 1 January' }, theme: 'energietransitie', dimension: 'beleid', status: 'in_uitvoering', owner: 'HR', updatedAt: '2026-11-05T09:00:00.000Z' },
        barriers: [{ reference: 'P-AB12', theme: 'energietransitie', text: 'Geen vergoeding voor de fiets', status: 'gekoppeld', createdAt: '2026-11-02T09:00:00.000Z' }],
      },
    ],
    solvedElsewhere: [{ reference: 'P-CD34', theme: 'circulariteit', text: 'Te weinig afvalbakken', status: 'opgelost', createdAt: '2026-11-02T09:00:00.000Z' }],
  };

  test('lists what was said beside what was done (English)', async () => {
    renderTab('#/programme/yousaid', { lang: 'en', answers: { 'GET /api/yousaid': { body } } });
    const list = await screen.findByRole('list', { name: 'You said, we did' });
    const entry = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(within(entry).getByRole('region', { name: 'You said' })).getByText('Geen vergoeding voor de fiets')).toBeTruthy();
    const weDid = within(entry).getByRole('region', { name: 'We did' });
    expect(within(weDid).getByRole('link', { name: 'Bike scheme' })).toBeTruthy();
    expect(within(weDid).getByText('Owner: HR')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Also solved' })).getByText('Te weinig afvalbakken')).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'View' })).getByRole('link', { name: 'You said, we did' }).getAttribute('aria-current')).toBe('page');
  });

  test('empty, loading and failing states (Dutch)', async () => {
    const tab = renderTab('#/programme/yousaid', { answers: { 'GET /api/yousaid': { body: { entries: [], solvedElsewhere: [], weDidStatuses: [] } } } });
    expect((await screen.findByRole('status')).textContent).toContain('Nog geen prikkels weggenomen.');
    tab.unmount();
    const pending = renderTab('#/programme/yousaid', { answers: { 'GET /api/yousaid': PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Actieprogramma' })).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    pending.unmount();
    renderTab('#/programme/yousaid', { answers: { 'GET /api/yousaid': apiError(500, 'INTERNAL') } });
    expect((await screen.findByRole('alert')).textContent).toContain('Er ging iets mis aan onze kant.');
  });
});

describe('action owners who are participants (issue 16)', () => {
  const people = {
    coordinators: [],
    people: [
      { userId: 'u-anna', teamId: 't-zon', teamName: 'Team Zon', roles: [], status: 'active' },
      { userId: 'u-bram', teamId: 't-maan', teamName: 'Team Maan', roles: [], status: 'active' },
    ],
  };

  test('a coordinator picks a participant as owner next to the name; the edit sends ownerUserId, and "nobody" clears it', async () => {
    const user = userEvent.setup();
    const a1 = action('a1', { status: 'gepland', nextStatuses: nextStatuses('gepland') });
    const tab = renderTab('#/programme/action/a1', {
      session: coordinator,
      answers: {
        'GET /api/actions/a1': { body: detail(a1, true), headers: { ETag: a1.etag } },
        'GET /api/admin/coordinators': { body: people },
        'PATCH /api/actions/a1': { body: { action: a1 }, headers: { ETag: a1.etag } },
      },
    });
    const form = await screen.findByRole('form', { name: 'Actie bijwerken' });
    const picker = await within(form).findByRole('combobox', { name: /Eigenaar in de app \(deelnemer\)/ });
    expect(within(picker).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual(['', 'u-anna', 'u-bram']);
    await user.selectOptions(picker, 'u-bram');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(tab.calls.find((c: RecordedCall) => c.method === 'PATCH')?.body).toEqual({ ownerUserId: 'u-bram' }));
    tab.unmount();

    const owned = action('a2', { status: 'gepland', nextStatuses: nextStatuses('gepland'), ownerUserId: 'u-bram' });
    const again = renderTab('#/programme/action/a2', {
      session: coordinator,
      answers: {
        'GET /api/actions/a2': { body: detail(owned, true), headers: { ETag: owned.etag } },
        'GET /api/admin/coordinators': { body: people },
        'PATCH /api/actions/a2': { body: { action: owned }, headers: { ETag: owned.etag } },
      },
    });
    const form2 = await screen.findByRole('form', { name: 'Actie bijwerken' });
    const picker2 = await within(form2).findByRole('combobox', { name: /Eigenaar in de app/ });
    expect((picker2 as HTMLSelectElement).value).toBe('u-bram');
    await user.selectOptions(picker2, '');
    await user.click(within(form2).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(again.calls.find((c: RecordedCall) => c.method === 'PATCH')?.body).toEqual({ ownerUserId: null }));
  });

  test('"Mijn acties" shows the actions the signed-in participant owns, and nothing to anyone else', async () => {
    const mine = [action('m1', { title: { nl: 'Mijn fietsenstalling', en: 'My bike shed' }, ownerUserId: 'u-anna', status: 'gepland' }), ...ACTIONS];
    const tab = renderTab('#/programme/list', { lang: 'en', answers: { 'GET /api/programme': { body: programme(mine) } } });
    const section = await screen.findByRole('region', { name: 'My actions' });
    expect(within(section).getByRole('link', { name: 'My bike shed' }).getAttribute('href')).toBe('#/programme/action/m1');
    expect(within(section).queryByRole('link', { name: 'Cups without plastic' })).toBeNull();
    tab.unmount();
    renderTab('#/programme', { session: sessionOf({ userId: 'u-someone-else' }), answers: { 'GET /api/programme': { body: programme(mine) } } });
    await screen.findByRole('heading', { level: 1, name: 'Actieprogramma' });
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.queryByRole('region', { name: 'Mijn acties' })).toBeNull();
  });
});
