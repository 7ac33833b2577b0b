import { exportDocument } from '@soestainable/bot/services/personalData/exportDocument';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { readStoredData } from '@soestainable/bot/services/personalData/storedData';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import type { ApiErrorBody, CheckInSaved, DeleteMeResponse, MeResponse, MyCheckIn, MySettings } from '@soestainable/shared/api';
import { hiddenCharsIn, RLO_FILE_NAME, sprinkled } from '../../helpers/hiddenChars';
import { startTabApi, TAB_NOW, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * "My progress" over real HTTP: my days, streak and check-ins, check-ins for today and yesterday with the bot's
 * rules (double submit counted once, stale edits refused), settings, export and erasure — each bad input answered
 * with a coded 4xx and nothing stored.
 */
describe('tab API: me', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi();
  });
  afterAll(async () => {
    await h.close();
  });

  const TODAY = '2026-12-02';
  const YESTERDAY = '2026-12-01';
  const answers = { outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true, challenge: true };
  const as = async (userId: string) => ({ token: await h.tokenFor(userId) });
  const me = async (userId: string) => h.api<MeResponse>('GET', '/api/me', await as(userId));
  const put = async (userId: string, date: string, body: unknown) =>
    h.api<CheckInSaved & ApiErrorBody>('PUT', `/api/me/checkins/${date}`, { ...(await as(userId)), body });
  const aggregate = async (date: string) => h.repos.dailyAggregates.get(h.campaign.campaignId, TAB_TEAMS.big, date);

  it('shows my days, streak, check-ins (yesterday editable) and the days still open', async () => {
    const res = await me(TAB_USERS.employee);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ enrolled: true, teamId: 'publiekszaken', teamName: 'Publiekszaken', hasBaseline: true });
    expect(body.settings).toEqual({ nudgeTime: '09:00', language: 'nl', status: 'active' });
    expect(body.progress).toEqual({ streak: 2, daysCheckedIn: 2, daysSoFar: 3, totalDays: 10, done: 2, partly: 0 });
    expect(body.checkIns.map((c) => [c.date, c.travelMode, c.editable, c.etag === null])).toEqual([
      [YESTERDAY, 'fiets', true, false],
      ['2026-11-30', 'auto', false, true],
    ]);
    expect(body.openDays.map((d) => [d.date, d.day, d.checkIn?.date ?? null])).toEqual([
      [TODAY, 3, null],
      [YESTERDAY, 2, YESTERDAY],
    ]);
    expect(body.openDays[0]?.challenge.question.kind).toBe('yesno');
    expect(body.impact?.co2.mid).toBeGreaterThan(0);
  });

  it('answers someone who never joined with enrolled: false and the campaign', async () => {
    const res = await me(TAB_USERS.outsider);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enrolled: false, settings: null, progress: null, checkIns: [], openDays: [] });
    expect(res.body.campaign?.campaignId).toBe(h.campaign.campaignId);
  });

  it('stores a check-in for today, counted once even when submitted twice at the same moment', async () => {
    const before = (await aggregate(TODAY))?.checkIns ?? 0;
    const [a, b] = await Promise.all([put('aad-pz-04', TODAY, answers), put('aad-pz-04', TODAY, answers)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const created = a.status === 201 ? a : b;
    const refused = a.status === 201 ? b : a;
    expect(created.body).toMatchObject({ how: 'created', checkIn: { date: TODAY, day: 3, travelMode: 'fiets', editable: true } });
    expect(refused.body.code).toBe('CONFLICT');
    expect((refused.body.details?.['current'] as MyCheckIn).etag).toBe(created.body.checkIn.etag);
    expect((await aggregate(TODAY))?.checkIns).toBe(before + 1);
    // A third, later submit without the version changes nothing either.
    expect((await put('aad-pz-04', TODAY, { ...answers, travelMode: 'auto' })).status).toBe(409);
    expect((await aggregate(TODAY))?.travel.auto).toBe(0);
  });

  it("changes yesterday's check-in with its version, and refuses a stale version with 412", async () => {
    const mine = (await me(TAB_USERS.employee)).body;
    const etag = mine.openDays.find((d) => d.date === YESTERDAY)?.checkIn?.etag;
    expect(etag).toEqual(expect.any(String));
    const before = await aggregate(YESTERDAY);
    const changed = await put(TAB_USERS.employee, YESTERDAY, { ...answers, travelMode: 'ov', etag });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ how: 'changed', checkIn: { travelMode: 'ov' } });
    const after = await aggregate(YESTERDAY);
    expect(after?.checkIns).toBe(before?.checkIns);
    expect(after?.travel.ov).toBe((before?.travel.ov ?? 0) + 1);
    expect(after?.travel.fiets).toBe((before?.travel.fiets ?? 0) - 1);

    const stale = await put(TAB_USERS.employee, YESTERDAY, { ...answers, travelMode: 'auto', etag });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('STALE');
    expect((stale.body.details?.['current'] as MyCheckIn).travelMode).toBe('ov');
    expect((await aggregate(YESTERDAY))?.travel.auto).toBe(after?.travel.auto);
  });

  it('files a barrier anonymously unless I opt in, and returns its reference', async () => {
    const res = await put('aad-pz-05', TODAY, { ...answers, barrierText: '  Geen fietsenstalling.  ', ideaText: 'Een stalling bij de ingang.', theme: 'energietransitie' });
    expect(res.status).toBe(201);
    expect(res.body.barrierReference).toMatch(/^P-[0-9A-Z]{4}$/);
    expect(res.body.ideaReference).toMatch(/^I-[0-9A-Z]{4}$/);
    const barrier = await h.repos.barriers.getByReference('soest', res.body.barrierReference ?? '');
    expect(barrier).toMatchObject({ text: 'Geen fietsenstalling.', theme: 'energietransitie', teamId: TAB_TEAMS.big });
    expect(barrier?.contactUserId).toBeUndefined();
  });

  it('stores barrier and idea texts without control or bidi characters, counting the 500 characters after removing them', async () => {
    const barrierText = sprinkled('🚲'.repeat(500));
    const res = await put('aad-manager-1', TODAY, { ...answers, barrierText, ideaText: RLO_FILE_NAME, theme: 'mvoi' });
    expect(res.status).toBe(201);
    const barrier = await h.repos.barriers.getByReference('soest', res.body.barrierReference ?? '');
    const idea = await h.repos.ideas.getByReference('soest', res.body.ideaReference ?? '');
    expect([barrier?.text, idea?.text]).toEqual(['🚲'.repeat(500), 'factuurtxt.exe']);
    expect(hiddenCharsIn([barrier, idea])).toEqual([]);
  });

  describe('bad input: a coded 4xx and nothing stored', () => {
    const nothingStored = async (userId: string, date: string) => expect(await h.repos.checkIns.get(userId, h.campaign.campaignId, date)).toBeUndefined();
    const expectRefused = async (res: { status: number; body: ApiErrorBody }, status: number, code: string, rule?: string) => {
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      if (rule !== undefined) expect(JSON.stringify(res.body.details)).toContain(rule);
    };

    it('a day before yesterday (closed), a day to come, an impossible date', async () => {
      await expectRefused(await put('aad-pz-03', '2026-11-30', answers), 400, 'VALIDATION_FAILED', 'day_closed');
      await expectRefused(await put('aad-pz-03', '2026-12-03', answers), 400, 'VALIDATION_FAILED', 'day_in_future');
      await expectRefused(await put('aad-pz-03', '2026-02-30', answers), 400, 'VALIDATION_FAILED', 'invalid_date');
      await expectRefused(await put('aad-pz-03', 'today', answers), 400, 'VALIDATION_FAILED', 'invalid_date');
      await nothingStored('aad-pz-03', '2026-12-03');
    });

    it('malformed bodies: unknown values, missing fields, extra fields, wrong types, not JSON', async () => {
      const bodies: unknown[] = [
        { ...answers, travelMode: 'raket' },
        { outcome: 'done' },
        { ...answers, userId: TAB_USERS.coordinator },
        { ...answers, wasteFree: 'yes' },
        { ...answers, challenge: 3 }, // a count for a yes/no question
        { ...answers, etag: '' },
        [],
        'done',
      ];
      for (const body of bodies) await expectRefused(await put('aad-pz-03', TODAY, body), 400, 'VALIDATION_FAILED');
      // Refused by restify's body parser before our handler, still with the API's coded body.
      const raw = await h.api<ApiErrorBody>('PUT', `/api/me/checkins/${TODAY}`, { ...(await as('aad-pz-03')), rawBody: '{"outcome": "done",' });
      await expectRefused(raw, 400, 'VALIDATION_FAILED');
      const huge = await h.api<ApiErrorBody>('PUT', `/api/me/checkins/${TODAY}`, { ...(await as('aad-pz-03')), rawBody: JSON.stringify({ ...answers, ideaText: 'x'.repeat(300 * 1024) }) });
      await expectRefused(huge, 413, 'TOO_LARGE');
      await nothingStored('aad-pz-03', TODAY);
    });

    it('an unknown API path (404) or method (405) → the coded body', async () => {
      await expectRefused(await h.api<ApiErrorBody>('GET', '/api/me/nothing-here', await as('aad-pz-03')), 404, 'NOT_FOUND');
      await expectRefused(await h.api<ApiErrorBody>('PATCH', '/api/me', await as('aad-pz-03')), 405, 'NOT_FOUND');
    });

    it('an oversized barrier or idea text → 413, and neither the check-in nor a report is stored', async () => {
      const barriersBefore = (await h.repos.barriers.list('soest')).length;
      for (const field of ['barrierText', 'ideaText']) {
        const res = await put('aad-pz-03', TODAY, { ...answers, [field]: 'x'.repeat(501) });
        await expectRefused(res, 413, 'TOO_LARGE', field);
      }
      expect((await h.repos.barriers.list('soest')).length).toBe(barriersBefore);
      await nothingStored('aad-pz-03', TODAY);
    });

    it('a text far over the limit (35,000 characters) is refused naming the limit of 500, not another bound', async () => {
      for (const field of ['barrierText', 'ideaText']) {
        const res = await put('aad-pz-03', TODAY, { ...answers, [field]: 'Een hele lange prikkel. '.repeat(1500) });
        await expectRefused(res, 413, 'TOO_LARGE');
        expect(res.body.details?.['issues']).toEqual([{ path: field, rule: 'too_long', max: 500 }]);
        expect(res.body.message).toContain('500 characters');
      }
      await nothingStored('aad-pz-03', TODAY);
    });

    it('a barrier or idea beyond the day\'s 10 (counted with the bot\'s) → 400 daily_report_limit naming 10, nothing stored; without texts the check-in is stored', async () => {
      const userId = TAB_USERS.smallTeamMember;
      // Ten already filed today, through the bot's cards.
      expect(await h.repos.reportQuota.take('soest', TODAY, userId, 10, 10)).toBe(true);
      const reportsBefore = (await h.repos.barriers.list('soest')).length + (await h.repos.ideas.list('soest')).length;
      const res = await put(userId, TODAY, { ...answers, barrierText: 'Nog een prikkel', ideaText: 'En een idee', theme: 'mvoi' });
      await expectRefused(res, 400, 'VALIDATION_FAILED', 'daily_report_limit');
      expect(res.body.details).toMatchObject({ rule: 'daily_report_limit', max: 10 });
      await nothingStored(userId, TODAY);
      expect((await h.repos.barriers.list('soest')).length + (await h.repos.ideas.list('soest')).length).toBe(reportsBefore);
      expect((await put(userId, TODAY, answers)).status).toBe(201);
    });

    it('a correction naming a version when nothing is stored → 412', async () => {
      await expectRefused(await put('aad-pz-03', TODAY, { ...answers, etag: 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"' }), 412, 'STALE');
      await nothingStored('aad-pz-03', TODAY);
    });

    it('someone who never joined → 403', async () => {
      await expectRefused(await put(TAB_USERS.outsider, TODAY, answers), 403, 'FORBIDDEN', 'not_enrolled');
      await expectRefused(await h.api<ApiErrorBody>('PUT', '/api/me/settings', { ...(await as(TAB_USERS.outsider)), body: { paused: true } }), 403, 'FORBIDDEN');
    });
  });

  describe('settings', () => {
    const settings = async (body: unknown) => h.api<MySettings & ApiErrorBody>('PUT', '/api/me/settings', { ...(await as('aad-pz-01')), body });

    it('changes nudge time, language and pause, like the bot', async () => {
      expect((await settings({ nudgeTime: '8:30' })).status).toBe(400); // the API takes HH:mm only
      const res = await settings({ nudgeTime: '08:30', language: 'en' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ nudgeTime: '08:30', language: 'en', status: 'active' });
      expect((await settings({ paused: true })).body.status).toBe('paused');
      expect(await h.repos.participants.listNudgeSlot('08:30')).toEqual([]);
      expect((await settings({ paused: false })).body.status).toBe('active');
      expect((await h.repos.participants.listNudgeSlot('08:30')).map((e) => e.userId)).toEqual(['aad-pz-01']);
    });

    it('refuses impossible times, times outside the window, unknown languages and empty changes', async () => {
      for (const body of [{ nudgeTime: '25:99' }, { nudgeTime: '06:00' }, { nudgeTime: '11:01' }, { language: 'de' }, {}, { paused: 'yes' }, { status: 'left' }]) {
        const res = await settings(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await h.repos.participants.get('aad-pz-01'))?.nudgeTime).toBe('08:30');
    });
  });

  it('exports the same document as the bot\'s "mijn gegevens" download', async () => {
    const res = await h.api<Record<string, unknown>>('GET', '/api/me/export', await as(TAB_USERS.employee));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="soestainable-mijn-gegevens.json"');
    const expected = exportDocument(await readStoredData(h.repos, 'soest', TAB_USERS.employee), TAB_NOW);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(res.body['userId']).toBe(TAB_USERS.employee);
    expect((res.body['checkIns'] as unknown[]).length).toBe(2);
  });

  it('refuses a check-in and a settings change with 409 while an erasure runs (here: stopped half-way), storing nothing', async () => {
    const userId = 'aad-pz-05';
    const crashing: Repositories = {
      ...h.repos,
      conversationRefs: Object.assign(Object.create(h.repos.conversationRefs) as Repositories['conversationRefs'], {
        deleteAll: async () => {
          throw new Error('storage went away');
        },
      }),
    };
    await expect(eraseStoredData(crashing, 'soest', userId)).rejects.toThrow('storage went away');
    const checkIn = await put(userId, TODAY, answers);
    const settings = await h.api<ApiErrorBody>('PUT', '/api/me/settings', { ...(await as(userId)), body: { paused: true } });
    for (const res of [checkIn, settings]) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: { rule: 'erasure_in_progress' } });
    }
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
    expect((await h.repos.participants.get(userId))?.status).toBe('active');
  });

  it('deletes everything personal only when confirmed; team totals stay', async () => {
    const userId = 'aad-pz-02';
    const token = await h.tokenFor(userId);
    for (const body of [undefined, {}, { confirm: 'true' }, { confirm: false }]) {
      const res = await h.api<ApiErrorBody>('DELETE', '/api/me', { token, ...(body === undefined ? {} : { body }) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await h.repos.participants.get(userId)).toBeDefined();
    // Besides check-ins and the baseline: a pledge and a "herken ik", which the answer counts as well.
    await h.repos.pledges.save({ userId, campaignId: h.campaign.campaignId, challengeIds: ['dag1'], createdAt: TAB_NOW.toISOString(), updatedAt: TAB_NOW.toISOString() });
    const barrier = await h.repos.barriers.create({ orgId: 'soest', campaignId: h.campaign.campaignId, teamId: TAB_TEAMS.big, theme: 'circulariteit', text: 'Geen afvalscheiding op de tweede verdieping' });
    await h.repos.recognitions.recognise('soest', barrier.barrierId, userId);
    const totalsBefore = await h.repos.dailyAggregates.listTeam(h.campaign.campaignId, TAB_TEAMS.big);

    const res = await h.api<DeleteMeResponse>('DELETE', '/api/me', { token, body: { confirm: true } });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual({ profile: true, checkIns: 2, surveys: 1, pledges: 1, followUps: 0, reports: 0, recognitions: 1, ownedActions: 0, conversationRefs: expect.any(Number), teamCards: 0, managedTeams: 0 });
    expect(await h.repos.recognitions.count('soest', barrier.barrierId)).toBe(0);
    expect(await h.repos.pledges.listAll(userId)).toEqual([]);
    expect(await h.repos.participants.get(userId)).toBeUndefined();
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
    expect(await h.repos.dailyAggregates.listTeam(h.campaign.campaignId, TAB_TEAMS.big)).toEqual(totalsBefore);
    expect((await me(userId)).body.enrolled).toBe(false);
  });
});
