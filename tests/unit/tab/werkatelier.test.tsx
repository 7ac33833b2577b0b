/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WerkatelierResponse } from '@soestainable/shared/api/werkatelier';
import { lastingTexts } from '../../../tab/src/components/lasting/texts';
import { werkatelierTexts } from '../../../tab/src/pages/werkatelier/texts';
import { renderTab, sessionOf } from './harness';

const coordinator = sessionOf({ roles: ['coordinator'] });

const SHEET: WerkatelierResponse = {
  theme: null,
  generatedAt: '2026-12-02T09:00:00.000Z',
  barriers: [
    {
      barrierId: 'b1',
      reference: 'P-AAAA',
      text: 'Alleen plastic bekers in de kantine',
      theme: 'circulariteit',
      status: 'gekoppeld',
      teamName: 'Team Zon',
      recognitions: 3,
      action: { actionId: 'a1', title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, owner: 'Facilitair', status: 'gepland' },
    },
    { barrierId: 'b2', reference: 'P-BBBB', text: 'Geen afvalbakken', theme: 'circulariteit', status: 'nieuw', teamName: 'Team Maan', recognitions: 0, action: null },
  ],
  ideas: [{ reference: 'I-CCCC', text: 'Een waterkoeler op elke verdieping', theme: 'circulariteit', status: 'nieuw', teamName: 'Team Zon' }],
  lasting: null,
};

const HIDDEN = { hidden: true, reason: 'below_minimum_group_size' } as const;
const LASTING: NonNullable<WerkatelierResponse['lasting']> = {
  campaign: { campaignId: 'c1', name: { nl: 'Zomer 2026', en: 'Summer 2026' }, startDate: '2026-06-01', endDate: '2026-06-12', lastDay: '2026-06-12' },
  minimumGroupSize: 5,
  habits: [
    { challengeId: 'beker', phrase: { nl: 'Eigen beker gebruiken', en: 'Use your own cup' } },
    { challengeId: 'lunch', phrase: { nl: 'Lunch zonder verpakking', en: 'Lunch without packaging' } },
  ],
  waves: [
    { wave: 1, weeks: 2, sendOn: '2026-06-26', openUntil: '2026-07-24', state: 'final', habits: [{ challengeId: 'beker', cell: { hidden: false, answers: 12, ja: 0.75, soms: 0.25, nee: 0 } }, { challengeId: 'lunch', cell: HIDDEN }] },
    { wave: 2, weeks: 6, sendOn: '2026-07-24', openUntil: '2026-09-04', state: 'open', habits: [] },
  ],
};

describe('werkatelier sheet', () => {
  test('texts in both languages', () => {
    for (const [key, text] of Object.entries(werkatelierTexts)) expect([key, text.nl.length > 0, text.en.length > 0]).toEqual([key, true, true]);
  });

  test('shows the most recognised barriers with action, owner and status, the ideas, and asks again per theme', async () => {
    const { calls } = renderTab('#/werkatelier', {
      session: coordinator,
      answers: { 'GET /api/werkatelier': { body: SHEET }, 'GET /api/werkatelier?theme=mvoi': { body: { ...SHEET, theme: 'mvoi', barriers: [], ideas: [] } } },
    });
    const barriers = await screen.findByRole('list', { name: 'Meest herkende open prikkels' }, { timeout: 20000 });
    expect(within(barriers).getAllByRole('listitem')).toHaveLength(2);
    // No campaign to look back on: no "what lasted" section.
    expect(screen.queryByRole('heading', { name: werkatelierTexts.lasting.nl })).toBeNull();
    expect(within(barriers).getByText(/Herkend door 3/)).toBeTruthy();
    expect(within(barriers).getByText(/Actie: Herbruikbare bekers · eigenaar Facilitair · Gepland/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Ideeën' })).getByText('Een waterkoeler op elke verdieping')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox'), 'mvoi');
    expect(await screen.findByText(werkatelierTexts.noBarriers.nl)).toBeTruthy();
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/werkatelier?theme=mvoi'));
  });

  test("shows the organisation's kept share per wave per habit of the theme, a hidden habit without a number", async () => {
    renderTab('#/werkatelier', { session: coordinator, answers: { 'GET /api/werkatelier': { body: { ...SHEET, lasting: LASTING } } } });
    expect(await screen.findByRole('heading', { name: werkatelierTexts.lasting.nl }, { timeout: 20000 })).toBeTruthy();
    const table = screen.getByRole('table', { name: lastingTexts.wavesTable.nl });
    const rows = within(table).getAllByRole('row');
    // The header and the one habit shown; the hidden habit has no row (no number anywhere).
    expect(rows).toHaveLength(2);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toBe('Eigen beker gebruiken');
    expect(within(rows[1] as HTMLElement).getByText(/ja 75\s?% · soms 25\s?% · nee 0\s?% \(12 antwoorden\)/)).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText(/Loopt nog tot/)).toBeTruthy();
    expect(screen.queryByText('Lunch zonder verpakking')).toBeNull();
    expect(screen.getByText(/Zomer 2026/)).toBeTruthy();
  });

  test('says so when no habit of the theme has figures yet', async () => {
    const none = { ...LASTING, waves: LASTING.waves.map((w) => ({ ...w, habits: w.habits.map((h) => ({ ...h, cell: HIDDEN })) })) };
    renderTab('#/werkatelier', { session: coordinator, answers: { 'GET /api/werkatelier': { body: { ...SHEET, lasting: none } } } });
    expect(await screen.findByText(/Nog geen cijfers: geen gewoonte in dit thema heeft in een afgeronde terugblik 5 of meer antwoorden/, undefined, { timeout: 20000 })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('is for coordinators only', async () => {
    const { calls } = renderTab('#/werkatelier', { session: sessionOf({ roles: [] }), answers: {} });
    expect(await screen.findByText(/alleen voor de programmacoördinatoren/, undefined, { timeout: 20000 })).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/werkatelier'))).toBe(false);
  });
});
