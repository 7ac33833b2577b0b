/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CampaignAdminResponse, CampaignView, CoordinatorsResponse, DayPlanResponse, SendRunsResponse, TeamsAdminResponse } from '@soestainable/shared/api/admin';
import { CHALLENGE_TEXT_LIMITS } from '@soestainable/shared/catalogue/challenge';
import { apiError, PENDING, renderTab, sessionOf, type AnswerSpec } from './harness';

const coordinator = sessionOf({ roles: ['coordinator'] });

const CAMPAIGN: CampaignView = {
  campaignId: 'voorjaar-2026',
  name: { nl: 'Voorjaarschallenge', en: 'Spring challenge' },
  startDate: '2026-05-11',
  endDate: '2026-05-22',
  closingDays: ['2026-05-15'],
  status: 'draft',
  dayPlan: ['dag01-beker', 'dag02-licht'],
  days: ['2026-05-11', '2026-05-12'],
  etag: 'W/"c1"',
  demo: true,
  followUpWeeks: [2, 6, 12],
  followUpDates: ['2026-05-26', '2026-06-22', '2026-08-03'],
};

const entry = (id: string, day: number, nl: string, en: string): DayPlanResponse['catalogue'][number] => ({
  id,
  day,
  theme: day === 1 ? 'circulariteit' : 'energietransitie',
  title: { nl, en },
  action: { nl: `Doe ${nl}`, en: `Do ${en}` },
  tip: { nl: `Tip ${nl}`, en: `Tip ${en}` },
  question: { id: `${id}-q`, kind: 'yesno', text: { nl: `Lukte ${nl}?`, en: `Did ${en} work?` } },
});

const DAYPLAN: DayPlanResponse = {
  campaignId: 'voorjaar-2026',
  etag: 'W/"c1"',
  dayPlan: ['dag01-beker', 'dag02-licht'],
  days: ['2026-05-11', '2026-05-12'],
  catalogue: [entry('dag01-beker', 1, 'Eigen beker', 'Own cup'), entry('dag02-licht', 2, 'Licht uit', 'Lights off')],
  limits: CHALLENGE_TEXT_LIMITS,
};

const TEAMS: TeamsAdminResponse = { teams: [{ teamId: 't-zon', name: 'Team Zon', managerIds: ['u-mark'], members: 12, demo: true }] };
const PEOPLE: CoordinatorsResponse = {
  coordinators: [{ userId: 'u-coord', teamId: 't-zon', teamName: 'Team Zon', roles: ['coordinator'], status: 'active' }],
  people: [
    { userId: 'u-coord', teamId: 't-zon', teamName: 'Team Zon', roles: ['coordinator'], status: 'active' },
    { userId: 'u-mark', teamId: 't-zon', teamName: 'Team Zon', roles: ['manager'], status: 'active' },
    { userId: 'u-anna', teamId: 't-zon', teamName: 'Team Zon', roles: [], status: 'active' },
  ],
};
const RUNS: SendRunsResponse = {
  runs: {
    nudge: [{ kind: 'nudge', runId: 'r1', startedAt: '2026-05-11T07:00:00.000Z', finishedAt: '2026-05-11T07:00:04.200Z', queued: 40, sent: 38, retried: 3, throttled: 2, failed: 1, skipped: 1, skippedByReason: { paused: 1 }, uncertain: 0, durationMs: 4200 }],
    digest: [],
    yousaid: [],
    end: [],
    followup: [],
    owner: [],
    teamcard: [],
  },
};

function answers(overrides: Readonly<Record<string, AnswerSpec>> = {}): Record<string, AnswerSpec> {
  return {
    'GET /api/admin/campaign': { body: { current: CAMPAIGN, campaigns: [CAMPAIGN] } satisfies CampaignAdminResponse },
    'GET /api/admin/dayplan': { body: DAYPLAN },
    'GET /api/admin/teams': { body: TEAMS },
    'GET /api/admin/coordinators': { body: PEOPLE },
    'GET /api/admin/send-runs': { body: RUNS },
    ...overrides,
  };
}

describe('campaign admin', () => {
  test('loading: every section waits for its data', async () => {
    const pending: Record<string, AnswerSpec> = Object.fromEntries(Object.keys(answers()).map((k): [string, AnswerSpec] => [k, PENDING]));
    renderTab('#/admin', { session: coordinator, answers: pending });
    expect(await screen.findByRole('heading', { level: 1, name: 'Campagnebeheer' }, { timeout: 20000 })).toBeTruthy();
    expect(screen.getAllByRole('progressbar')).toHaveLength(5);
  });

  test('full: campaign, day plan, teams, coordinators, send runs and the export (Dutch)', async () => {
    renderTab('#/admin', { session: coordinator, answers: answers() });
    const campaign = await screen.findByRole('form', { name: 'Campagne' });
    expect((within(campaign).getByRole('textbox', { name: /Naam \(Nederlands\)/ }) as HTMLInputElement).value).toBe('Voorjaarschallenge');
    expect(within(within(campaign).getByRole('list', { name: 'Lokale sluitingsdagen' })).getByText('15 mei 2026')).toBeTruthy();
    const plan = await screen.findByRole('form', { name: 'Dagprogramma' });
    expect(within(plan).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('Eigen beker'), expect.stringContaining('Licht uit')]);
    const teams = await screen.findByRole('form', { name: 'Teams en leidinggevenden' });
    expect(within(teams).getByText('12 deelnemers')).toBeTruthy();
    expect(within(teams).getByText('u-mark (Team Zon)')).toBeTruthy();
    expect(within(await screen.findByRole('form', { name: 'Programmacoördinatoren' })).getByText('u-coord (Team Zon)')).toBeTruthy();
    const runs = await screen.findByRole('table', { name: 'Dagelijkse herinnering' });
    expect(within(runs).getAllByRole('row')[1]?.textContent).toContain('38');
    expect(within(runs).getByText('4,2 s')).toBeTruthy();
    // digest, yousaid, end, followup (issue 15), owner and teamcard (issue 16) have no runs yet.
    expect(screen.getAllByText('Nog geen rondes.')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Cijfers downloaden (CSV)' })).toBeTruthy();
  });

  test('saving the campaign sends If-Match and the whole campaign; the closing days can be edited', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/admin', {
      session: coordinator,
      answers: answers({ 'PUT /api/admin/campaign': { body: { campaign: { ...CAMPAIGN, etag: 'W/"c2"' } } } }),
    });
    const form = await screen.findByRole('form', { name: 'Campagne' });
    await user.click(within(form).getByRole('button', { name: '15 mei 2026 verwijderen' }));
    await user.type(within(form).getByLabelText('Sluitingsdag toevoegen'), '2026-05-18');
    await user.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen.')).toBeTruthy();
    const put = tab.calls.find((c) => c.method === 'PUT');
    expect(put?.headers['If-Match']).toBe('W/"c1"');
    expect(put?.body).toEqual({ campaignId: 'voorjaar-2026', name: { nl: 'Voorjaarschallenge', en: 'Spring challenge' }, startDate: '2026-05-11', endDate: '2026-05-22', closingDays: ['2026-05-18'], status: 'draft' });
  });

  test('a stale campaign and a refused rule are explained in English; an end before the start is caught first', async () => {
    const user = userEvent.setup();
    let puts = 0;
    const tab = renderTab('#/admin', {
      lang: 'en',
      session: coordinator,
      answers: answers({
        'PUT /api/admin/campaign': () =>
          ++puts === 1 ? apiError(412, 'STALE') : { status: 400, body: { code: 'VALIDATION_FAILED', message: 'x', details: { issues: [{ path: 'closingDays.0', rule: 'closing_day_outside' }] } } },
      }),
    });
    const form = await screen.findByRole('form', { name: 'Campaign' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this in the meantime.');
    await waitFor(() => expect(tab.calls.filter((c) => c.path === '/api/admin/campaign' && c.method === 'GET')).toHaveLength(2));
    const fresh = await screen.findByRole('form', { name: 'Campaign' });
    await user.click(within(fresh).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A closing day falls outside the campaign.');
    const end = within(fresh).getByLabelText(/Last day/);
    await user.clear(end);
    await user.type(end, '2026-05-01');
    await user.click(within(fresh).getByRole('button', { name: 'Save' }));
    expect(within(fresh).getByText('The last day is before the first.')).toBeTruthy();
    expect(tab.calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
  });

  test('the day plan reorders and edits texts in both languages, with If-Match', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/admin', { session: coordinator, answers: answers({ 'PUT /api/admin/dayplan': { body: DAYPLAN } }) });
    const plan = await screen.findByRole('form', { name: 'Dagprogramma' });
    await user.click(within(plan).getByRole('button', { name: 'Dag 2 omhoog' }));
    expect(within(plan).getAllByRole('listitem')[0]?.textContent).toContain('Licht uit');
    await user.click(within(plan).getByRole('button', { name: 'Teksten van dag 2' }));
    const titleEn = within(plan).getByRole('textbox', { name: /Titel \(Engels\)/ });
    await user.clear(titleEn);
    await user.type(titleEn, 'Eigen beker');
    expect(within(plan).getByText('De Engelse tekst is gelijk aan de Nederlandse: vertaal hem.')).toBeTruthy();
    expect((within(plan).getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(titleEn);
    await user.type(titleEn, 'Bring your cup');
    await user.click(within(plan).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen.')).toBeTruthy();
    const put = tab.calls.find((c) => c.method === 'PUT' && c.path === '/api/admin/dayplan');
    expect(put?.headers['If-Match']).toBe('W/"c1"');
    expect(put?.body).toEqual({
      campaignId: 'voorjaar-2026',
      dayPlan: ['dag02-licht', 'dag01-beker'],
      texts: [{ id: 'dag01-beker', title: { nl: 'Eigen beker', en: 'Bring your cup' }, action: { nl: 'Doe Eigen beker', en: 'Do Own cup' }, tip: { nl: 'Tip Eigen beker', en: 'Tip Own cup' }, question: { nl: 'Lukte Eigen beker?', en: 'Did Own cup work?' } }],
    });
  });

  test('teams get managers and a new team; the last coordinator cannot go (server rule, Dutch)', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/admin', {
      session: coordinator,
      answers: answers({
        'PUT /api/admin/teams': { body: TEAMS },
        'PUT /api/admin/coordinators': { status: 400, body: { code: 'VALIDATION_FAILED', message: 'x', details: { issues: [{ path: 'userIds', rule: 'last_coordinator' }] } } },
      }),
    });
    const teams = await screen.findByRole('form', { name: 'Teams en leidinggevenden' });
    await waitFor(() => expect(within(teams).getAllByRole('option').length).toBeGreaterThan(1));
    await user.selectOptions(within(teams).getByRole('combobox', { name: 'Leidinggevende toevoegen' }), 'u-anna');
    await user.click(within(teams).getAllByRole('button', { name: 'Toevoegen' })[0] as HTMLElement);
    await user.type(within(teams).getByRole('textbox', { name: 'Nieuw team' }), 'Team Maan');
    await user.click(within(teams).getByRole('button', { name: 'Team toevoegen' }));
    await user.click(within(teams).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(tab.calls.some((c) => c.method === 'PUT' && c.path === '/api/admin/teams')).toBe(true));
    expect(tab.calls.find((c) => c.path === '/api/admin/teams' && c.method === 'PUT')?.body).toEqual({
      teams: [
        { teamId: 't-zon', name: 'Team Zon', managerIds: ['u-mark', 'u-anna'] },
        { name: 'Team Maan', managerIds: [] },
      ],
    });
    const coordinators = screen.getByRole('form', { name: 'Programmacoördinatoren' });
    await user.click(within(coordinators).getByRole('button', { name: 'u-coord verwijderen' }));
    await user.click(within(coordinators).getByRole('button', { name: 'Opslaan' }));
    expect((await screen.findByText('Er moet minstens één coördinator blijven.')).closest('[role="alert"]')).toBeTruthy();
  });

  test('empty: no campaign yet; a failing section shows its coded error while the others work (English)', async () => {
    renderTab('#/admin', {
      lang: 'en',
      session: coordinator,
      answers: answers({
        'GET /api/admin/campaign': { body: { current: null, campaigns: [] } },
        'GET /api/admin/dayplan': apiError(404, 'NOT_FOUND'),
        'GET /api/admin/send-runs': apiError(503, 'UNAVAILABLE'),
      }),
    });
    expect(await screen.findByText('There is no campaign yet. Create the first one below.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Code/ }) as HTMLInputElement).disabled).toBe(false);
    expect(await screen.findByText('Create a campaign first; the day plan follows.')).toBeTruthy();
    const runs = screen.getByRole('region', { name: 'Latest send runs' });
    expect((await within(runs).findByRole('alert')).textContent).toContain('Storage cannot be reached right now.');
    expect(await screen.findByRole('form', { name: 'Teams and managers' })).toBeTruthy();
  });

  test('the CSV export downloads with the bearer token; a failure is shown in Dutch', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:export';
    };
    URL.revokeObjectURL = () => undefined;
    // jsdom cannot navigate to a blob: address; record the download the browser would start instead.
    const downloads: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    const tab = renderTab('#/admin', {
      session: coordinator,
      answers: answers({
        'GET /api/admin/export.csv': () => (++calls === 1 ? { body: 'campaign;team\n', headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="export.csv"' } } : apiError(403, 'FORBIDDEN')),
      }),
    });
    const button = await screen.findByRole('button', { name: 'Cijfers downloaden (CSV)' });
    await user.click(button);
    await waitFor(() => expect(created).toHaveLength(1));
    expect(downloads).toEqual(['export.csv blob:export']);
    expect(tab.calls.find((c) => c.path === '/api/admin/export.csv')?.headers['Authorization']).toBe('Bearer dev-token');
    await user.click(button);
    expect((await screen.findByText('Dit mag je niet zien of doen met jouw rol.')).closest('[role="alert"]')).toBeTruthy();
    expect(downloads).toHaveLength(1);
    click.mockRestore();
  });

  test('an employee gets the shell’s note and no admin call is made', async () => {
    const tab = renderTab('#/admin', { lang: 'en', answers: answers() });
    expect(await screen.findByText('This section is for the programme coordinators only.')).toBeTruthy();
    expect(tab.calls.some((c) => c.path.startsWith('/api/admin/'))).toBe(false);
  });
});
