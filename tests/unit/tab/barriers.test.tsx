/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BarrierItem, BarriersResponse, RecognitionResponse } from '@soestainable/shared/api/barriers';
import { barriersTexts } from '../../../tab/src/pages/barriers/texts';
import { apiError, renderTab, sessionOf } from './harness';

const employee = sessionOf({ roles: [] });

function item(id: string, text: string, overrides: Partial<BarrierItem> = {}): BarrierItem {
  return { barrierId: id, text, theme: 'circulariteit', status: 'nieuw', action: null, recognitions: 0, mine: false, notify: false, open: true, ...overrides };
}

const FIRST = item('b1', 'Alleen plastic bekers in de kantine', { recognitions: 2 });
const LIST: BarriersResponse = {
  items: [FIRST, item('b2', 'Geen fietsenstalling', { status: 'gekoppeld', action: { nl: 'Fietsenstalling', en: 'Bike shed' } })],
};

describe('Prikkels page ("herken ik")', () => {
  test('texts in both languages', () => {
    for (const [key, text] of Object.entries(barriersTexts)) expect([key, text.nl.length > 0, text.en.length > 0]).toEqual([key, true, true]);
  });

  test('lists the barriers with their count; "Herken ik" sends what the person wants and shows the new count, then "laat me weten"', async () => {
    const recognised: RecognitionResponse = { outcome: 'recognised', item: { ...FIRST, recognitions: 3, mine: true } };
    const notified: RecognitionResponse = { outcome: 'notify', item: { ...recognised.item, notify: true } };
    let n = 0;
    const { calls } = renderTab('#/barriers', {
      session: employee,
      answers: { 'GET /api/barriers': { body: LIST }, 'PUT /api/barriers/b1/recognition': () => ({ body: ++n === 1 ? recognised : notified }) },
    });
    const list = await screen.findByRole('list', { name: 'Prikkels om te herkennen' }, { timeout: 20000 });
    expect(within(list).getByText('Herkend door 2')).toBeTruthy();
    expect(within(list).getByText(/Actie: Fietsenstalling/)).toBeTruthy();
    await userEvent.click(within(list).getAllByRole('button', { name: 'Herken ik' })[0] ?? list);
    expect(await within(list).findByText('Herkend door 3')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ on: true });
    await userEvent.click(within(list).getByRole('checkbox', { name: 'Laat me weten wat ermee gebeurt' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ on: true }, { on: true, notify: true }]));
  });

  test('a barrier merged meanwhile: the coded error, and it shows as closed; someone who never joined is told to join', async () => {
    renderTab('#/barriers', { session: employee, answers: { 'GET /api/barriers': { body: LIST }, 'PUT /api/barriers/b1/recognition': apiError(409, 'CONFLICT') } });
    const list = await screen.findByRole('list', { name: 'Prikkels om te herkennen' }, { timeout: 20000 });
    await userEvent.click(within(list).getAllByRole('button', { name: 'Herken ik' })[0] ?? list);
    expect(await within(list).findByText(barriersTexts.closed.nl)).toBeTruthy();
  });

  test('someone who never joined is told to join first', async () => {
    renderTab('#/barriers', { session: employee, answers: { 'GET /api/barriers': apiError(403, 'FORBIDDEN') } });
    expect(await screen.findByText(barriersTexts.notEnrolled.nl, undefined, { timeout: 20000 })).toBeTruthy();
  });
});
