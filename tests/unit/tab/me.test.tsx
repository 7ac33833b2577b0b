/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKIN_TEXT_MAX as SHARED_CHECKIN_TEXT_MAX, CUPS_MAX as SHARED_CUPS_MAX, NUDGE_TIME_WINDOW, type MeResponse, type MyCheckIn, type OpenDay } from '@soestainable/shared/api/me';
import { CHECKIN_TEXT_MAX, CUPS_MAX } from '../../../tab/src/pages/me/CheckInForm';
import { NUDGE_WINDOW, nudgeTimes } from '../../../tab/src/pages/me/Settings';
import { campaign, impact } from './dashboardFixtures';
import { apiError, LOADED, PENDING, renderTab, type RecordedCall } from './harness';

const checkIn = (date: string, day: number, overrides: Partial<MyCheckIn> = {}): MyCheckIn => ({
  date,
  day,
  challengeId: `dag0${day}`,
  outcome: 'done',
  travelMode: 'fiets',
  distanceBand: '5-10',
  wasteFree: true,
  challengeAnswer: true,
  cupsAvoided: 0,
  impact: { low: 1.2, mid: 1.5, high: 1.9 },
  updatedAt: `${date}T08:00:00Z`,
  etag: `W/"etag-${date}"`,
  editable: true,
  ...overrides,
});

const openDay = (date: string, day: number, existing: MyCheckIn | null, kind: 'yesno' | 'count' = 'yesno'): OpenDay => ({
  date,
  day,
  challenge: {
    id: `dag0${day}`,
    theme: 'circulariteit',
    title: { nl: 'Eigen beker', en: 'Own cup' },
    action: { nl: 'Neem je eigen beker mee.', en: 'Bring your own cup.' },
    tip: { nl: 'Zet hem bij je sleutels.', en: 'Put it next to your keys.' },
    question: { id: 'q', kind, text: kind === 'count' ? { nl: 'Hoeveel bekers bespaarde je?', en: 'How many cups did you save?' } : { nl: 'Had je je beker bij je?', en: 'Did you have your cup?' } },
  },
  checkIn: existing,
});

function me(overrides: Partial<MeResponse> = {}): MeResponse {
  const yesterday = checkIn('2026-05-12', 2);
  return {
    enrolled: true,
    teamId: 't-zon',
    teamName: 'Zon',
    settings: { nudgeTime: '09:00', language: 'nl', status: 'active' },
    campaign,
    progress: { streak: 2, daysCheckedIn: 2, daysSoFar: 3, totalDays: 10, done: 1, partly: 1 },
    checkIns: [yesterday, checkIn('2026-05-11', 1, { outcome: 'partly', travelMode: 'auto' })],
    openDays: [openDay('2026-05-13', 3, null), openDay('2026-05-12', 2, yesterday)],
    impact,
    hasBaseline: true,
    ...overrides,
  };
}

const ME = 'GET /api/me';

describe('my progress', () => {
  test('the tab’s copies of the check-in limits equal the contract’s', () => {
    expect(CUPS_MAX).toBe(SHARED_CUPS_MAX);
    expect(CHECKIN_TEXT_MAX).toBe(SHARED_CHECKIN_TEXT_MAX);
    expect(NUDGE_WINDOW).toEqual(NUDGE_TIME_WINDOW);
    expect(nudgeTimes('09:00')).toHaveLength(17);
    expect(nudgeTimes('11:30').at(-1)).toBe('11:30');
  });

  test('loading', async () => {
    renderTab('#/me', { answers: { [ME]: PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn voortgang' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Bezig met laden…' })).toBeTruthy();
  });

  test('not enrolled: says how to join (nl and en)', async () => {
    const notEnrolled = me({ enrolled: false, settings: null, progress: null, checkIns: [], openDays: [], impact: null, teamId: null, teamName: null });
    const nl = renderTab('#/me', { answers: { [ME]: { body: notEnrolled } } });
    expect(await screen.findByText('Je doet nog niet mee', {}, LOADED)).toBeTruthy();
    nl.unmount();
    renderTab('#/me', { lang: 'en', answers: { [ME]: { body: notEnrolled } } });
    expect(await screen.findByText('You have not joined yet', {}, LOADED)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Type "join" in the chat');
  });

  test('empty: enrolled without check-ins, today open with a count question', async () => {
    const calls: RecordedCall[] = [];
    renderTab('#/me', {
      answers: {
        [ME]: { body: me({ checkIns: [], progress: { streak: 0, daysCheckedIn: 0, daysSoFar: 1, totalDays: 10, done: 0, partly: 0 }, openDays: [openDay('2026-05-11', 1, null, 'count')] }) },
        'PUT /api/me/checkins/2026-05-11': (call) => {
          calls.push(call);
          return { body: { checkIn: checkIn('2026-05-11', 1), how: 'created', barrierReference: null, ideaReference: null } };
        },
      },
    });
    expect(await screen.findByText('Nog geen check-ins.', {}, LOADED)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Dag 1 · ma 11 mei: Eigen beker' });
    const cups = within(form).getByRole('spinbutton', { name: /Hoeveel bekers bespaarde je\?/ });
    await userEvent.clear(cups);
    await userEvent.type(cups, '51');
    expect((within(form).getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.clear(cups);
    await userEvent.type(cups, '3');
    await userEvent.click(within(form).getByRole('radio', { name: 'Deels' }));
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Hoe ben je vandaag naar je werk gereisd?' }), 'ov');
    await userEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await within(form).findByRole('status')).toBeTruthy();
    expect(calls[0]?.body).toEqual({ outcome: 'partly', travelMode: 'ov', distanceBand: '0-5', wasteFree: false, challenge: 3, etag: null });
  });

  test('full, in English: figures, history, and a correction of yesterday sends its version', async () => {
    const puts: RecordedCall[] = [];
    const tab = renderTab('#/me', {
      lang: 'en',
      answers: {
        [ME]: { body: me() },
        'PUT /api/me/checkins/2026-05-12': (call) => {
          puts.push(call);
          return { body: { checkIn: checkIn('2026-05-12', 2, { wasteFree: false }), how: 'changed', barrierReference: null, ideaReference: null } };
        },
      },
    });
    const days = await screen.findByRole('group', { name: 'Days checked in' }, LOADED);
    expect(within(days).getByText('2 of 3')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Streak' })).getByText('2 days')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'My estimated CO2 avoided' })).getByText('18 kg')).toBeTruthy();
    const history = screen.getByRole('table', { name: 'My check-ins' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);
    expect(within(history).getByText('Car')).toBeTruthy();

    expect(screen.getByRole('form', { name: 'Day 3 · Wed 13 May: Own cup' })).toBeTruthy();
    const yesterday = screen.getByRole('form', { name: 'Day 2 · Tue 12 May: Own cup' });
    const wasteFree = within(yesterday).getByRole('checkbox', { name: 'Did you work waste-free today (no residual waste)?' });
    expect((wasteFree as HTMLInputElement).checked).toBe(true);
    await userEvent.click(wasteFree);
    await userEvent.click(within(yesterday).getByRole('button', { name: 'Save change' }));
    expect(await within(yesterday).findByText('Saved.')).toBeTruthy();
    expect(puts[0]?.body).toEqual({ outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: false, challenge: true, etag: 'W/"etag-2026-05-12"' });
    await waitFor(() => expect(tab.calls.filter((c) => c.path === '/api/me')).toHaveLength(2));
  });

  test('a barrier and an idea go with the check-in: labelled fields, the theme picker, their references, then empty fields', async () => {
    const puts: RecordedCall[] = [];
    renderTab('#/me', {
      answers: {
        [ME]: { body: me() },
        'PUT /api/me/checkins/2026-05-13': (call) => {
          puts.push(call);
          return { body: { checkIn: checkIn('2026-05-13', 3), how: 'created', barrierReference: 'P-7K2Q', ideaReference: 'I-3ZX9' } };
        },
      },
    });
    const today = await screen.findByRole('form', { name: 'Dag 3 · wo 13 mei: Eigen beker' }, LOADED);
    // No theme picker and no contact question until there is something to report.
    expect(within(today).queryByRole('combobox', { name: 'Thema van je melding' })).toBeNull();
    const barrier = within(today).getByRole('textbox', { name: 'Wat maakte het lastig? (optioneel)' });
    const idea = within(today).getByRole('textbox', { name: 'Heb je een idee? (optioneel)' });
    await userEvent.click(barrier);
    await userEvent.paste('  Geen afwasmachine op de derde verdieping  ');
    await userEvent.click(idea);
    await userEvent.paste('Bekers bij de koffieautomaat');
    const theme = within(today).getByRole('combobox', { name: 'Thema van je melding' }) as HTMLSelectElement;
    expect(theme.value).toBe('circulariteit'); // the day's theme
    await userEvent.selectOptions(theme, 'energietransitie');
    await userEvent.click(within(today).getByRole('checkbox', { name: 'Je mag contact met me opnemen over wat het lastig maakte' }));
    await userEvent.click(within(today).getByRole('button', { name: 'Opslaan' }));
    expect((await within(today).findByRole('status')).textContent).toBe('Opgeslagen. Je melding heeft kenmerk P-7K2Q. Je idee heeft kenmerk I-3ZX9.');
    expect(puts[0]?.body).toEqual({
      outcome: 'done',
      travelMode: 'fiets',
      distanceBand: '5-10',
      wasteFree: false,
      challenge: false,
      theme: 'energietransitie',
      barrierText: 'Geen afwasmachine op de derde verdieping',
      barrierContact: true,
      ideaText: 'Bekers bij de koffieautomaat',
      etag: null,
    });
    // Filed once: a later correction from the same form does not file them again.
    expect((barrier as HTMLTextAreaElement).value).toBe('');
    expect((idea as HTMLTextAreaElement).value).toBe('');
  });

  test('a barrier or idea longer than 500 characters is refused before sending; 500 emoji are 500 characters', async () => {
    const puts: RecordedCall[] = [];
    renderTab('#/me', {
      lang: 'en',
      answers: {
        [ME]: { body: me() },
        'PUT /api/me/checkins/2026-05-13': (call) => {
          puts.push(call);
          return { body: { checkIn: checkIn('2026-05-13', 3), how: 'created', barrierReference: null, ideaReference: 'I-1' } };
        },
      },
    });
    const today = await screen.findByRole('form', { name: 'Day 3 · Wed 13 May: Own cup' }, LOADED);
    const save = within(today).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    const idea = within(today).getByRole('textbox', { name: 'Do you have an idea? (optional)' });
    await userEvent.click(idea);
    await userEvent.paste('x'.repeat(501));
    expect(within(today).getByText('At most 500 characters (now 501).')).toBeTruthy();
    expect(save.disabled).toBe(true);
    await userEvent.clear(idea);
    await userEvent.paste('🚲'.repeat(500));
    expect(within(today).getByText('500 of 500 characters')).toBeTruthy();
    expect(save.disabled).toBe(false);
    const barrier = within(today).getByRole('textbox', { name: 'What made it hard? (optional)' });
    await userEvent.click(barrier);
    await userEvent.paste('y'.repeat(501));
    expect(save.disabled).toBe(true);
    await userEvent.clear(barrier);
    await userEvent.click(save);
    expect((await within(today).findByRole('status')).textContent).toBe('Saved. Your idea has reference I-1.');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toMatchObject({ theme: 'circulariteit', ideaText: '🚲'.repeat(500) });
    expect(puts[0]?.body).not.toHaveProperty('barrierText');
    expect(puts[0]?.body).not.toHaveProperty('barrierContact');
  });

  test('a text the server finds too long is shown in the user\'s language and nothing is cleared', async () => {
    renderTab('#/me', { answers: { [ME]: { body: me() }, 'PUT /api/me/checkins/2026-05-13': apiError(413, 'TOO_LARGE') } });
    const today = await screen.findByRole('form', { name: 'Dag 3 · wo 13 mei: Eigen beker' }, LOADED);
    const barrier = within(today).getByRole('textbox', { name: 'Wat maakte het lastig? (optioneel)' });
    await userEvent.click(barrier);
    await userEvent.paste('Te weinig fietsenstallingen');
    await userEvent.click(within(today).getByRole('button', { name: 'Opslaan' }));
    expect((await within(today).findByRole('alert')).textContent).toContain('Dit is te lang. Maak het korter en probeer het opnieuw.');
    expect((barrier as HTMLTextAreaElement).value).toBe('Te weinig fietsenstallingen');
  });

  test.each([
    ['nl', 'Per dag kun je hoogstens 10 prikkels en ideeën sturen'],
    ['en', 'You can send at most 10 barriers and ideas a day'],
  ] as const)('a save refused for the day\'s limit of barriers and ideas says so in the user\'s language (%s), keeping the texts', async (lang, text) => {
    const refused = { status: 400, body: { code: 'VALIDATION_FAILED', message: 'test', details: { rule: 'daily_report_limit', max: 10 } } };
    renderTab('#/me', { lang, answers: { [ME]: { body: me() }, 'PUT /api/me/checkins/2026-05-13': refused } });
    const today = await screen.findByRole('form', { name: lang === 'nl' ? 'Dag 3 · wo 13 mei: Eigen beker' : 'Day 3 · Wed 13 May: Own cup' }, LOADED);
    const barrier = within(today).getByRole('textbox', { name: lang === 'nl' ? 'Wat maakte het lastig? (optioneel)' : 'What made it hard? (optional)' });
    await userEvent.click(barrier);
    await userEvent.paste('Te weinig fietsenstallingen');
    await userEvent.click(within(today).getByRole('button', { name: lang === 'nl' ? 'Opslaan' : 'Save' }));
    expect((await within(today).findByRole('alert')).textContent).toContain(text);
    expect((barrier as HTMLTextAreaElement).value).toBe('Te weinig fietsenstallingen');
  });

  test('a correction made meanwhile elsewhere is refused as stale, in Dutch', async () => {
    renderTab('#/me', { answers: { [ME]: { body: me() }, 'PUT /api/me/checkins/2026-05-12': apiError(412, 'STALE') } });
    const yesterday = await screen.findByRole('form', { name: 'Dag 2 · di 12 mei: Eigen beker' }, LOADED);
    await userEvent.click(within(yesterday).getByRole('button', { name: 'Wijziging opslaan' }));
    expect((await within(yesterday).findByRole('alert')).textContent).toContain('Iemand anders heeft dit intussen gewijzigd.');
  });

  test('settings: only what changed is sent', async () => {
    const puts: RecordedCall[] = [];
    renderTab('#/me', {
      answers: {
        [ME]: { body: me() },
        'PUT /api/me/settings': (call) => {
          puts.push(call);
          return { body: { nudgeTime: '08:15', language: 'nl', status: 'paused' } };
        },
      },
    });
    const settings = await screen.findByRole('region', { name: 'Instellingen' }, LOADED);
    const save = within(settings).getByRole('button', { name: 'Instellingen opslaan' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.selectOptions(within(settings).getByRole('combobox', { name: 'Tijd van de dagelijkse challenge' }), '08:15');
    await userEvent.click(within(settings).getByRole('switch', { name: 'Gepauzeerd (geen dagelijkse berichten)' }));
    await userEvent.click(save);
    expect(await within(settings).findByText('Opgeslagen.')).toBeTruthy();
    expect(puts[0]?.body).toEqual({ nudgeTime: '08:15', paused: true });
  });

  test('delete asks for confirmation; cancel deletes nothing, confirm deletes', async () => {
    const deletes: RecordedCall[] = [];
    renderTab('#/me', {
      lang: 'en',
      answers: {
        [ME]: { body: me() },
        'DELETE /api/me': (call) => {
          deletes.push(call);
          return { body: { deleted: { profile: true, checkIns: 2, surveys: 1, pledges: 3, followUps: 0, reports: 1, recognitions: 2, ownedActions: 0, conversationRefs: 1, teamCards: 1, managedTeams: 2 } } };
        },
      },
    });
    const data = await screen.findByRole('region', { name: 'My data' }, LOADED);
    await userEvent.click(await within(data).findByRole('button', { name: 'Delete my data' }, LOADED));
    // In jsdom, Tabster (Fluent's focus manager) may mark the modal itself aria-hidden until focus has moved
    // into it, which a browser does at once (and then the name from its hidden title is empty): look inside the
    // dialog with hidden elements included, and check its title as text.
    const dialog = await screen.findByRole('dialog', { hidden: true }, LOADED);
    expect(within(dialog).getByRole('heading', { name: 'Delete everything?', hidden: true })).toBeTruthy();
    expect(within(dialog).getByText(/^Your profile, your check-ins, your baseline and end survey, your pledges and follow-ups and your "Me too" marks will be deleted for good/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull(), LOADED);
    expect(deletes).toHaveLength(0);
    await userEvent.click(within(data).getByRole('button', { name: 'Delete my data' }));
    await userEvent.click(within(await screen.findByRole('dialog', { hidden: true }, LOADED)).getByRole('button', { name: 'Yes, delete', hidden: true }));
    expect((await screen.findByRole('status', {}, LOADED)).textContent).toBe('Your data has been deleted. Type "join" in the chat to start again.');
    // Each kind there was any of, in the plural form its number needs; kinds with none are left out.
    const list = screen.getByRole('list', { name: 'What was deleted' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 check-ins',
      '1 baseline or end survey',
      '3 pledges',
      'your name on 1 barrier or idea (the report stays, anonymous)',
      '2 "Me too" marks (the counts go down)',
      'you as who switched 1 team card on or off (the card stays)',
      'you as the manager of 2 teams (the teams stay)',
    ]);
    expect(deletes[0]?.body).toEqual({ confirm: true });
  });

  test('export downloads the file the server sends', async () => {
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: () => 'blob:export', revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderTab('#/me', {
      answers: { [ME]: { body: me() }, 'GET /api/me/export': { body: { participant: {} }, headers: { 'Content-Disposition': 'attachment; filename="soestainable-mijn-gegevens.json"' } } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Mijn gegevens downloaden' }, LOADED));
    expect(await screen.findByText('Je download is klaar.')).toBeTruthy();
    expect(saved).toEqual(['soestainable-mijn-gegevens.json']);
    click.mockRestore();
  });

  test('error: the server fails, in English', async () => {
    renderTab('#/me', { lang: 'en', answers: { [ME]: apiError(500, 'INTERNAL') } });
    expect((await screen.findByRole('alert', {}, LOADED)).textContent).toContain('Something went wrong on our side. Nothing was half-saved.');
  });

  test('a negative estimate is extra emissions, in absolute values; no baseline says travel does not count; a streak of 1 is one day (Dutch)', async () => {
    const worse = { ...impact, co2: { low: -5, mid: -2.7, high: -0.5 } };
    renderTab('#/me', { answers: { [ME]: { body: me({ impact: worse, hasBaseline: false, progress: { streak: 1, daysCheckedIn: 1, daysSoFar: 1, totalDays: 1, done: 1, partly: 0 } }) } } });
    const extra = await screen.findByRole('group', { name: 'Mijn geschatte extra CO2-uitstoot' }, LOADED);
    expect(within(extra).getByText('2,7 kg')).toBeTruthy();
    expect(within(extra).getByText('bandbreedte 0,5 tot 5 kg CO2-eq')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Mijn geschatte CO2-besparing' })).toBeNull();
    expect(screen.getByText('Zonder nulmeting telt je reiswijze niet mee in je besparing; vul de nulmeting in om die te laten meetellen.')).toBeTruthy();
    expect(screen.queryByText(/autorit/)).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Reeks' })).getByText('1 dag')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Dagen ingecheckt' })).getByText('1 gedaan, 0 deels · 1 dag in totaal')).toBeTruthy();
  });

  test('without a baseline, in English: the same rule, no car assumed', async () => {
    renderTab('#/me', { lang: 'en', answers: { [ME]: { body: me({ hasBaseline: false }) } } });
    expect(await screen.findByText('Without a baseline your travel mode does not count in your savings; fill in the baseline to have it counted.', {}, LOADED)).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'My estimated CO2 avoided' })).getByText('range 13 to 24 kg CO2-eq')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Streak' })).getByText('2 days')).toBeTruthy();
  });
});
