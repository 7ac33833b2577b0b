import type { CampaignAdminResponse, CampaignResponse, CoordinatorsResponse, DayPlanResponse, SendRunsResponse, TeamsAdminResponse } from '@soestainable/shared/api/admin';
import { CHALLENGE_TEXT_LIMITS, EXPORT_CSV_COLUMNS } from '@soestainable/shared/api/admin';
import { auditMonthOf } from '@soestainable/shared/domain/audit';
import { hiddenCharsIn, RLO_FILE_NAME, sprinkled } from '../../helpers/hiddenChars';
import { startTabApi, TAB_NOW, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** Campaign admin through the real server (issue 5, Build 6): campaign, day plan, teams, coordinators, runs, CSV. */

type ErrorBody = { code: string; message: string; details?: { issues?: { path: string; rule: string }[]; rule?: string; teamId?: string } };

const ORG = 'soest';
let h: TabApiHarness;
let coordinator: string;
let manager: string;

beforeAll(async () => {
  h = await startTabApi();
  coordinator = await h.tokenFor(TAB_USERS.coordinator);
  manager = await h.tokenFor(TAB_USERS.manager);
});
afterAll(async () => {
  await h?.close();
});

/** Fields of one CSV line: `;`-separated, `"` quoting with `""` for a quote inside. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted && ch === '"' && line.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

const trail = () => h.repos.auditLog.list(ORG, auditMonthOf(TAB_NOW.toISOString()));

describe('coordinators only', () => {
  it('answers 403 to anyone else on every admin route, and changes nothing', async () => {
    const before = await h.repos.campaigns.get(ORG, h.campaign.campaignId);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/campaign'],
      ['PUT', '/api/admin/campaign', { campaignId: h.campaign.campaignId, name: { nl: 'a', en: 'b' }, startDate: '2026-11-30', endDate: '2026-12-31' }],
      ['GET', '/api/admin/dayplan'],
      ['PUT', '/api/admin/dayplan', { campaignId: h.campaign.campaignId, dayPlan: ['x'] }],
      ['GET', '/api/admin/teams'],
      ['PUT', '/api/admin/teams', { teams: [] }],
      ['GET', '/api/admin/coordinators'],
      ['PUT', '/api/admin/coordinators', { userIds: [TAB_USERS.manager] }],
      ['GET', '/api/admin/send-runs'],
      ['GET', '/api/admin/export.csv'],
      ['GET', '/api/report'],
    ];
    for (const [method, path, body] of calls) {
      const res = await h.api<ErrorBody>(method, path, { token: manager, headers: { 'If-Match': before?.etag ?? '' }, ...(body === undefined ? {} : { body }) });
      expect({ path, method, status: res.status, code: res.body.code }).toEqual({ path, method, status: 403, code: 'FORBIDDEN' });
    }
    expect((await h.repos.campaigns.get(ORG, h.campaign.campaignId))?.etag).toBe(before?.etag);
    expect(await h.repos.orgTeams.list(ORG)).toHaveLength(2);
  });
});

describe('campaign dates and closing days', () => {
  it('shows the current campaign with its days and changes it with If-Match', async () => {
    const got = await h.api<CampaignAdminResponse>('GET', '/api/admin/campaign', { token: coordinator });
    expect(got.status).toBe(200);
    const current = got.body.current;
    expect(current?.campaignId).toBe(h.campaign.campaignId);
    expect(current?.days).toEqual(h.days);
    const put = await h.api<CampaignResponse>('PUT', '/api/admin/campaign', {
      token: coordinator,
      headers: { 'If-Match': current?.etag ?? '' },
      body: { campaignId: h.campaign.campaignId, name: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge 2026' }, startDate: '2026-11-30', endDate: '2026-12-14', closingDays: ['2026-12-07'], status: 'active' },
    });
    expect(put.status).toBe(200);
    expect(put.body.campaign.closingDays).toEqual(['2026-12-07']);
    expect(put.body.campaign.days).not.toContain('2026-12-07');
    expect(put.body.campaign.days.at(-1)).toBe('2026-12-14');
    expect(put.headers.get('etag')).toBe(put.body.campaign.etag);
    expect((await trail()).find((e) => e.action === 'campaign.update')).toMatchObject({ actor: TAB_USERS.coordinator, target: h.campaign.campaignId });
  });

  it('creates a new campaign as a draft with the built-in day plan', async () => {
    const put = await h.api<CampaignResponse>('PUT', '/api/admin/campaign', {
      token: coordinator,
      body: { campaignId: 'voorjaar-2027', name: { nl: 'Voorjaar', en: 'Spring' }, startDate: '2027-03-01', endDate: '2027-03-19' },
    });
    expect(put.status).toBe(201);
    expect(put.body.campaign).toMatchObject({ status: 'draft', closingDays: [] });
    expect(put.body.campaign.dayPlan).toHaveLength(10);
  });

  it('refuses bad dates with their rule, a stale or missing If-Match, and stores nothing', async () => {
    const before = await h.repos.campaigns.get(ORG, h.campaign.campaignId);
    const etag = before?.etag ?? '';
    const base = { campaignId: h.campaign.campaignId, name: { nl: 'Soestainable', en: 'Soestainable!' }, startDate: '2026-11-30', endDate: '2026-12-14' };
    const cases: [Record<string, unknown>, string][] = [
      [{ endDate: '2026-11-30' }, 'end_before_start'],
      [{ endDate: '2026-11-01' }, 'end_before_start'],
      [{ endDate: '2027-12-14' }, 'longer_than_a_year'],
      [{ closingDays: ['2026-12-21'] }, 'closing_day_outside'],
      [{ closingDays: ['2026-12-05'] }, 'not_a_working_day'],
      [{ closingDays: ['2026-12-03', '2026-12-03'] }, 'duplicate_date'],
      [{ closingDays: ['2026-12-02', '2026-12-03', '2026-12-04'] }, 'too_many_in_year'],
      [{ endDate: '2026-12-10' }, 'too_short_for_day_plan'],
      [{ startDate: '2026-13-01' }, 'invalid_date'],
      [{ name: { nl: 'x'.repeat(101), en: 'y' } }, 'too_long'],
      [{ campaignId: "' or 1 eq 1" }, 'invalid_format'],
    ];
    for (const [change, rule] of cases) {
      const res = await h.api<ErrorBody>('PUT', '/api/admin/campaign', { token: coordinator, headers: { 'If-Match': etag }, body: { ...base, ...change } });
      expect({ rule, status: res.status, code: res.body.code }).toEqual({ rule, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details?.issues?.map((i) => i.rule)).toContain(rule);
    }
    const stale = await h.api<ErrorBody>('PUT', '/api/admin/campaign', { token: coordinator, headers: { 'If-Match': 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"' }, body: base });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 412, code: 'STALE' });
    const missing = await h.api<ErrorBody>('PUT', '/api/admin/campaign', { token: coordinator, body: base });
    expect(missing.status).toBe(400);
    expect(missing.body.details?.rule).toBe('if_match_required');
    expect((await h.repos.campaigns.get(ORG, h.campaign.campaignId))?.etag).toBe(etag);
  });
});

describe('the day plan', () => {
  it('reorders the plan and edits a day text in both languages', async () => {
    const got = await h.api<DayPlanResponse>('GET', '/api/admin/dayplan', { token: coordinator });
    expect(got.status).toBe(200);
    expect(got.body.catalogue).toHaveLength(10);
    expect(got.body.limits).toEqual(CHALLENGE_TEXT_LIMITS);
    const [first, second, ...rest] = got.body.dayPlan;
    const entry = got.body.catalogue.find((c) => c.id === first);
    if (!first || !second || !entry) throw new Error('no plan');
    const put = await h.api<DayPlanResponse>('PUT', '/api/admin/dayplan', {
      token: coordinator,
      headers: { 'If-Match': got.body.etag },
      body: {
        campaignId: got.body.campaignId,
        dayPlan: [second, first, ...rest],
        texts: [{ id: first, title: { nl: 'Neem je eigen mok mee', en: 'Bring your own mug' }, action: entry.action, tip: entry.tip, question: entry.question.text }],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.dayPlan.slice(0, 2)).toEqual([second, first]);
    expect((await h.repos.challenges.get(ORG, first))?.title).toEqual({ nl: 'Neem je eigen mok mee', en: 'Bring your own mug' });
    expect((await h.repos.campaigns.get(ORG, got.body.campaignId))?.value.dayPlan.slice(0, 2)).toEqual([second, first]);
  });

  it('refuses unknown or repeated challenges, texts beyond the catalogue limits, untranslated texts and stale versions', async () => {
    const got = await h.api<DayPlanResponse>('GET', '/api/admin/dayplan', { token: coordinator });
    const plan = got.body.dayPlan;
    const entry = got.body.catalogue[0];
    if (!entry) throw new Error('no catalogue');
    const texts = (title: { nl: string; en: string }) => [{ id: entry.id, title, action: entry.action, tip: entry.tip, question: entry.question.text }];
    const cases: [Record<string, unknown>, string][] = [
      [{ dayPlan: [...plan.slice(1), 'bestaat-niet'] }, 'unknown_challenge'],
      [{ dayPlan: [plan[0], plan[0]] }, 'duplicate'],
      [{ dayPlan: [...plan, plan[0]] }, 'too_big'],
      [{ dayPlan: plan, texts: texts({ nl: 'x'.repeat(CHALLENGE_TEXT_LIMITS.title + 1), en: 'y' }) }, 'too_long'],
      [{ dayPlan: plan, texts: texts({ nl: 'Zelfde', en: 'Zelfde' }) }, 'untranslated'],
      [{ dayPlan: plan, texts: [{ ...texts({ nl: 'a', en: 'b' })[0], id: 'bestaat-niet' }] }, 'unknown_challenge'],
    ];
    for (const [change, rule] of cases) {
      const res = await h.api<ErrorBody>('PUT', '/api/admin/dayplan', { token: coordinator, headers: { 'If-Match': got.body.etag }, body: { campaignId: got.body.campaignId, ...change } });
      expect({ rule, status: res.status }).toEqual({ rule, status: 400 });
      expect(res.body.details?.issues?.map((i) => i.rule)).toContain(rule);
    }
    const stale = await h.api<ErrorBody>('PUT', '/api/admin/dayplan', {
      token: coordinator,
      headers: { 'If-Match': 'W/"stale"' },
      body: { campaignId: got.body.campaignId, dayPlan: [...plan].reverse(), texts: texts({ nl: 'Nieuw', en: 'New' }) },
    });
    expect(stale.status).toBe(412);
    expect((await h.repos.challenges.get(ORG, entry.id))?.title).toEqual(entry.title);
    expect((await h.repos.campaigns.get(ORG, got.body.campaignId))?.value.dayPlan).toEqual(plan);
  });
});

describe('teams and coordinators', () => {
  it('lists teams with managers and member counts, adds and renames, and keeps a team with members', async () => {
    const got = await h.api<TeamsAdminResponse>('GET', '/api/admin/teams', { token: coordinator });
    expect(got.body.teams.map((t) => [t.teamId, t.members, t.managerIds])).toEqual([
      [TAB_TEAMS.small, 4, ['aad-manager-2']],
      [TAB_TEAMS.big, 6, ['aad-manager-1']],
    ]);
    const put = await h.api<TeamsAdminResponse>('PUT', '/api/admin/teams', {
      token: coordinator,
      body: {
        teams: [
          { teamId: TAB_TEAMS.big, name: 'Publiekszaken & Burgerzaken', managerIds: ['aad-manager-1', 'aad-pz-01'] },
          { teamId: TAB_TEAMS.small, name: 'Buitendienst', managerIds: ['aad-manager-2'] },
          { name: 'Sociaal Domein', managerIds: [] },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.teams.map((t) => t.teamId).sort()).toEqual([TAB_TEAMS.small, TAB_TEAMS.big, 'sociaal-domein'].sort());
    expect((await h.repos.orgTeams.get(ORG, TAB_TEAMS.big))?.managerIds).toEqual(['aad-manager-1', 'aad-pz-01']);

    const removeBusy = await h.api<ErrorBody>('PUT', '/api/admin/teams', { token: coordinator, body: { teams: [{ teamId: TAB_TEAMS.big, name: 'Publiekszaken' }] } });
    expect(removeBusy.status).toBe(409);
    expect(removeBusy.body.details).toMatchObject({ rule: 'team_has_members', teamId: TAB_TEAMS.small });
    const unknown = await h.api<ErrorBody>('PUT', '/api/admin/teams', { token: coordinator, body: { teams: [{ teamId: "' or 1 eq 1", name: 'X' }] } });
    expect(unknown.status).toBe(404);
    const twice = await h.api<ErrorBody>('PUT', '/api/admin/teams', { token: coordinator, body: { teams: [{ name: 'Griffie' }, { name: 'griffie' }] } });
    expect(twice.status).toBe(400);
    expect(await h.repos.orgTeams.list(ORG)).toHaveLength(3);
    expect((await h.repos.orgTeams.get(ORG, TAB_TEAMS.big))?.name).toBe('Publiekszaken & Burgerzaken');

    const removeEmpty = await h.api<TeamsAdminResponse>('PUT', '/api/admin/teams', {
      token: coordinator,
      body: { teams: put.body.teams.filter((t) => t.teamId !== 'sociaal-domein').map((t) => ({ teamId: t.teamId, name: t.name, managerIds: t.managerIds })) },
    });
    expect(removeEmpty.status).toBe(200);
    expect(removeEmpty.body.teams).toHaveLength(2);
  });

  it('shows the last send runs with their figures', async () => {
    const run = await h.repos.sendRuns.start('nudge');
    await h.repos.sendRuns.finish({ ...run, queued: 12, sent: 10, skipped: 2, skippedByReason: { paused: 2 } });
    const res = await h.api<SendRunsResponse>('GET', '/api/admin/send-runs', { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.body.runs.nudge[0]).toMatchObject({ queued: 12, sent: 10, skipped: 2, skippedByReason: { paused: 2 } });
    expect(res.body.runs.digest).toEqual([]);
  });

  it('keeps at least one coordinator and only makes participants coordinators', async () => {
    const got = await h.api<CoordinatorsResponse>('GET', '/api/admin/coordinators', { token: coordinator });
    expect(got.body.coordinators.map((c) => c.userId)).toEqual([TAB_USERS.coordinator]);
    expect(got.body.people).toHaveLength(10);
    const none = await h.api<ErrorBody>('PUT', '/api/admin/coordinators', { token: coordinator, body: { userIds: [] } });
    expect(none.status).toBe(400);
    expect(none.body.details?.issues?.[0]?.rule).toBe('last_coordinator');
    const stranger = await h.api<ErrorBody>('PUT', '/api/admin/coordinators', { token: coordinator, body: { userIds: [TAB_USERS.coordinator, TAB_USERS.outsider] } });
    expect(stranger.body.details?.issues?.[0]).toEqual({ path: 'userIds.1', rule: 'not_a_participant' });
    expect((await h.repos.participants.get('aad-pz-01'))?.roles).toEqual([]);

    const added = await h.api<CoordinatorsResponse>('PUT', '/api/admin/coordinators', { token: coordinator, body: { userIds: [TAB_USERS.coordinator, 'aad-pz-01'] } });
    expect(added.status).toBe(200);
    expect(added.body.coordinators.map((c) => c.userId)).toEqual(['aad-coordinator', 'aad-pz-01']);
    // Handing over: the first coordinator steps down and from then on gets 403.
    const handedOver = await h.api<CoordinatorsResponse>('PUT', '/api/admin/coordinators', { token: coordinator, body: { userIds: ['aad-pz-01'] } });
    expect(handedOver.body.coordinators.map((c) => c.userId)).toEqual(['aad-pz-01']);
    expect((await h.api('GET', '/api/admin/coordinators', { token: coordinator })).status).toBe(403);
    const entries = (await trail()).filter((e) => e.action.startsWith('coordinator.'));
    expect(entries.map((e) => [e.action, e.target]).sort()).toEqual([
      ['coordinator.add', 'aad-pz-01'],
      ['coordinator.remove', 'aad-coordinator'],
    ]);
    await h.repos.participants.update(TAB_USERS.coordinator, (p) => ({ ...p, roles: ['coordinator'] }));
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, ;-separated, one row per team per day, suppressing small teams and days not final yet', async () => {
    // A third team of exactly 5 on the seeded days: at the minimum, so shown (the CSV has no totals to subtract from).
    await h.repos.orgTeams.save({ orgId: ORG, teamId: 'griffie', name: '=Griffie; raad', managerIds: [], demo: false });
    for (const date of h.days.slice(0, 2)) await h.repos.dailyAggregates.recordParticipants(h.campaign.campaignId, 'griffie', date, 5);
    const res = await fetch(`${h.base}/api/admin/export.csv`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="soestainable-.*\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(EXPORT_CSV_COLUMNS.join(';'));
    const rows = lines.slice(1).map(splitCsvLine);
    const col = (name: (typeof EXPORT_CSV_COLUMNS)[number]) => EXPORT_CSV_COLUMNS.indexOf(name);
    const big = rows.filter((r) => r[col('team_id')] === TAB_TEAMS.big);
    // On 2 December, 1 December (yesterday) can still take a check-in or a correction: not final, so suppressed.
    expect(big.map((r) => [r[col('date')], r[col('participants')], r[col('check_ins')], r[col('suppressed')]])).toEqual([
      ['2026-11-30', '6', '3', '0'],
      ['2026-12-01', '', '', '1'],
    ]);
    expect(big[0]?.[col('co2_mid_kg')]).toMatch(/^\d+,\d{3}$/);
    const griffie = rows.filter((r) => r[col('team_id')] === 'griffie');
    expect(griffie.map((r) => [r[col('date')], r[col('participants')], r[col('suppressed')]])).toEqual([
      ['2026-11-30', '5', '0'],
      ['2026-12-01', '', '1'],
    ]);
    const small = rows.filter((r) => r[col('team_id')] === TAB_TEAMS.small);
    expect(small).toHaveLength(2);
    for (const r of small) {
      expect(r[col('suppressed')]).toBe('1');
      expect(r.slice(col('participants'), col('suppressed')).every((v) => v === '')).toBe(true);
    }
    // A team name that Excel would read as a formula, with the separator in it, stays one quoted text field.
    expect(lines.some((l) => l.includes(`;"'=Griffie; raad";`))).toBe(true);
    expect(rows.every((r) => r.length === EXPORT_CSV_COLUMNS.length)).toBe(true);
  });

  it('answers an unknown campaign with 404 JSON', async () => {
    const res = await h.api<ErrorBody>('GET', `/api/admin/export.csv?campaignId=${encodeURIComponent("' or 1 eq 1")}`, { token: coordinator });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('typed names are stored without control or bidi characters', () => {
  it('cleans team names and campaign names before storing them', async () => {
    const teams = (await h.repos.orgTeams.list(ORG)).map((t) => ({ teamId: t.teamId, name: t.name, managerIds: t.managerIds }));
    const put = await h.api<TeamsAdminResponse>('PUT', '/api/admin/teams', {
      token: coordinator,
      body: { teams: [...teams, { name: sprinkled('Griffie'), managerIds: [] }, { name: RLO_FILE_NAME, managerIds: [] }] },
    });
    expect(put.status).toBe(200);
    const stored = await h.repos.orgTeams.list(ORG);
    expect(stored.map((t) => t.name)).toEqual(expect.arrayContaining(['Griffie', 'factuurtxt.exe']));
    expect(hiddenCharsIn(stored)).toEqual([]);

    const campaign = await h.api<CampaignResponse>('PUT', '/api/admin/campaign', {
      token: coordinator,
      body: { campaignId: 'najaar-2027', name: { nl: sprinkled('Najaar'), en: RLO_FILE_NAME }, startDate: '2027-10-04', endDate: '2027-10-22' },
    });
    expect(campaign.status).toBe(201);
    const saved = await h.repos.campaigns.get(ORG, 'najaar-2027');
    expect(saved?.value.name).toEqual({ nl: 'Najaar', en: 'factuurtxt.exe' });
    expect(hiddenCharsIn(saved)).toEqual([]);
  });
});
