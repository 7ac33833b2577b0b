/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CampaignAdminResponse, CampaignView } from '@soestainable/shared/api/admin';
import { renderTab, sessionOf, type AnswerSpec } from './harness';

/** The follow-up waves in the campaign form (issue 15): shown with their dates, sent only when changed, refusals explained. */

const coordinator = sessionOf({ roles: ['coordinator'] });

const CAMPAIGN: CampaignView = {
  campaignId: 'voorjaar-2026',
  name: { nl: 'Voorjaarschallenge', en: 'Spring challenge' },
  startDate: '2026-05-11',
  endDate: '2026-05-22',
  closingDays: [],
  status: 'active',
  dayPlan: ['dag01-beker', 'dag02-licht'],
  days: ['2026-05-11', '2026-05-12'],
  etag: 'W/"c1"',
  demo: false,
  followUpWeeks: [2, 6, 12],
  followUpDates: ['2026-05-26', '2026-06-23', '2026-08-04'],
};

function answers(overrides: Readonly<Record<string, AnswerSpec>> = {}): Record<string, AnswerSpec> {
  return {
    'GET /api/admin/campaign': { body: { current: CAMPAIGN, campaigns: [CAMPAIGN] } satisfies CampaignAdminResponse },
    'GET /api/admin/dayplan': { status: 404, body: { code: 'NOT_FOUND', message: 'x' } },
    'GET /api/admin/teams': { body: { teams: [] } },
    'GET /api/admin/coordinators': { body: { coordinators: [], people: [] } },
    'GET /api/admin/send-runs': { body: { runs: { nudge: [], digest: [], yousaid: [], end: [], followup: [] } } },
    ...overrides,
  };
}

describe('follow-up waves in the campaign form', () => {
  test('shows the waves and their dates; a changed setting is sent as numbers with If-Match', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/admin', { session: coordinator, answers: answers({ 'PUT /api/admin/campaign': { body: { campaign: { ...CAMPAIGN, etag: 'W/"c2"' } } } }) });
    const form = await screen.findByRole('form', { name: 'Campagne' });
    const weeks = within(form).getByRole('textbox', { name: /Terugblikken/ }) as HTMLInputElement;
    expect(weeks.value).toBe('2, 6, 12');
    expect(within(form).getByText('De terugblikken gaan uit op 26 mei 2026, 23 juni 2026, 4 augustus 2026.')).toBeTruthy();
    await user.clear(weeks);
    await user.type(weeks, '3, 8');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen.')).toBeTruthy();
    const put = tab.calls.find((c) => c.method === 'PUT');
    expect(put?.headers['If-Match']).toBe('W/"c1"');
    expect(put?.body).toMatchObject({ campaignId: 'voorjaar-2026', followUpWeeks: [3, 8] });
  });

  test('text that is not whole numbers is caught before sending; a refused rule is explained in English', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/admin', {
      lang: 'en',
      session: coordinator,
      answers: answers({
        'PUT /api/admin/campaign': { status: 400, body: { code: 'VALIDATION_FAILED', message: 'x', details: { issues: [{ path: 'followUpWeeks', rule: 'follow_up_not_rising' }] } } },
      }),
    });
    const form = await screen.findByRole('form', { name: 'Campaign' });
    const weeks = within(form).getByRole('textbox', { name: /Follow-ups/ });
    await user.clear(weeks);
    await user.type(weeks, '2, zes');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByText('Enter the follow-ups as whole numbers (weeks), for example 2, 6, 12.')).toBeTruthy();
    expect(tab.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await user.clear(weeks);
    await user.type(weeks, '6, 2');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Each follow-up must come later than the one before.');
    expect(tab.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([expect.objectContaining({ followUpWeeks: [6, 2] })]);
  });

  test('saving other fields leaves the waves out of the body (unchanged)', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/admin', { session: coordinator, answers: answers({ 'PUT /api/admin/campaign': { body: { campaign: CAMPAIGN } } }) });
    const form = await screen.findByRole('form', { name: 'Campagne' });
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen.')).toBeTruthy();
    expect(tab.calls.find((c) => c.method === 'PUT')?.body).not.toHaveProperty('followUpWeeks');
  });
});

describe('a new campaign beside the current one', () => {
  test('"Nieuwe campagne" opens an empty form; saving sends a new campaign without If-Match; cancel goes back', async () => {
    const user = userEvent.setup();
    const NEXT: CampaignView = { ...CAMPAIGN, campaignId: 'najaar-2026', name: { nl: 'Najaar', en: 'Autumn' }, status: 'draft', etag: 'W/"n1"' };
    const tab = renderTab('#/admin', { session: coordinator, answers: answers({ 'PUT /api/admin/campaign': { status: 201, body: { campaign: NEXT } } }) });
    await user.click(await screen.findByRole('button', { name: 'Nieuwe campagne' }));
    let form = screen.getByRole('form', { name: 'Campagne' });
    expect((within(form).getByRole('textbox', { name: /Code/ }) as HTMLInputElement).value).toBe('');
    // Cancel: back to the current campaign, nothing sent.
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    form = screen.getByRole('form', { name: 'Campagne' });
    expect((within(form).getByRole('textbox', { name: /Code/ }) as HTMLInputElement).value).toBe('voorjaar-2026');
    expect(tab.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Nieuwe campagne' }));
    form = screen.getByRole('form', { name: 'Campagne' });
    // Nothing filled in: every required field is named, nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(tab.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await user.type(within(form).getByRole('textbox', { name: /Code/ }), 'najaar-2026');
    await user.type(within(form).getByRole('textbox', { name: /Naam \(Nederlands\)/ }), 'Najaar');
    await user.type(within(form).getByRole('textbox', { name: /Naam \(Engels\)/ }), 'Autumn');
    await user.type(within(form).getByLabelText(/Eerste dag/), '2026-10-12');
    await user.type(within(form).getByLabelText(/Laatste dag/), '2026-10-23');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Opgeslagen.')).toBeTruthy();
    const put = tab.calls.find((c) => c.method === 'PUT');
    expect(put?.headers['If-Match']).toBeUndefined();
    expect(put?.body).toMatchObject({ campaignId: 'najaar-2026', name: { nl: 'Najaar', en: 'Autumn' }, startDate: '2026-10-12', endDate: '2026-10-23', status: 'draft' });
    expect(put?.body).not.toHaveProperty('followUpWeeks');
  });
});
