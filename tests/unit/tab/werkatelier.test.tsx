/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WerkatelierResponse } from '@soestainable/shared/api/werkatelier';
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
    expect(within(barriers).getByText(/Herkend door 3/)).toBeTruthy();
    expect(within(barriers).getByText(/Actie: Herbruikbare bekers · eigenaar Facilitair · Gepland/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Ideeën' })).getByText('Een waterkoeler op elke verdieping')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox'), 'mvoi');
    expect(await screen.findByText(werkatelierTexts.noBarriers.nl)).toBeTruthy();
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/api/werkatelier?theme=mvoi'));
  });

  test('is for coordinators only', async () => {
    const { calls } = renderTab('#/werkatelier', { session: sessionOf({ roles: [] }), answers: {} });
    expect(await screen.findByText(/alleen voor de programmacoördinatoren/, undefined, { timeout: 20000 })).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/werkatelier'))).toBe(false);
  });
});
