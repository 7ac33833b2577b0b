import type { CampaignAdminResponse, CampaignResponse } from '@soestainable/shared/api/admin';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { auditMonthOf } from '@soestainable/shared/domain/audit';
import { startTabApi, TAB_NOW, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * The follow-up waves as a campaign setting (issue 15), through the real server: shown with their dates (+2/+6/+12
 * by default), changed by a coordinator with If-Match, and refused with a rule and nothing stored when they are not
 * 1–4 rising whole weeks from +1 to +52, once the first wave has gone out, or when the new first wave lies in the past.
 * The clock: Wednesday 2 December 2026.
 */

type ErrorBody = { code: string; details?: { issues?: { path: string; rule: string }[] } };

const ORG = 'soest';
let h: TabApiHarness;
let coordinator: string;

/** An ended campaign of two challenge days (Mon and Tue of the given week), stored directly. */
function ended(campaignId: string, monday: string, friday: string, followUpWeeks?: number[]): Campaign {
  return {
    orgId: ORG,
    campaignId,
    name: { nl: campaignId, en: `${campaignId} (en)` },
    startDate: monday,
    endDate: friday,
    dayPlan: ['dag01-beker', 'dag02-licht'],
    closingDays: [],
    status: 'ended',
    demo: false,
    ...(followUpWeeks ? { followUpWeeks } : {}),
  };
}

beforeAll(async () => {
  h = await startTabApi();
  coordinator = await h.tokenFor(TAB_USERS.coordinator);
});
afterAll(async () => {
  await h?.close();
});

async function put(campaign: Campaign, etag: string, followUpWeeks: unknown): Promise<{ status: number; body: CampaignResponse & ErrorBody }> {
  const { campaignId, name, startDate, endDate, closingDays } = campaign;
  return h.api('PUT', '/api/admin/campaign', { token: coordinator, headers: { 'If-Match': etag }, body: { campaignId, name, startDate, endDate, closingDays, followUpWeeks } });
}

describe('follow-up waves of a campaign', () => {
  it('shows +2/+6/+12 for a campaign without its own setting, with the days they go out (Christmas moves the first)', async () => {
    const got = await h.api<CampaignAdminResponse>('GET', '/api/admin/campaign', { token: coordinator });
    expect(got.body.current).toMatchObject({ campaignId: h.campaign.campaignId, followUpWeeks: [2, 6, 12], followUpDates: ['2026-12-28', '2027-01-22', '2027-03-05'] });
  });

  it('changes the waves with If-Match, stores them, audits them and shows the new days', async () => {
    const before = await h.repos.campaigns.get(ORG, h.campaign.campaignId);
    const res = await put(h.campaign, before?.etag ?? '', [1, 4, 10, 20]);
    expect(res.status).toBe(200);
    expect(res.body.campaign).toMatchObject({ followUpWeeks: [1, 4, 10, 20], followUpDates: ['2026-12-18', '2027-01-08', '2027-02-19', '2027-04-30'] });
    expect((await h.repos.campaigns.get(ORG, h.campaign.campaignId))?.value.followUpWeeks).toEqual([1, 4, 10, 20]);
    const trail = await h.repos.auditLog.list(ORG, auditMonthOf(TAB_NOW.toISOString()));
    expect(trail.find((e) => e.action === 'campaign.update')?.details).toMatchObject({ followUpWeeks: '1,4,10,20' });
    // Another change without the field keeps the setting.
    const again = await h.api<CampaignResponse>('PUT', '/api/admin/campaign', {
      token: coordinator,
      headers: { 'If-Match': res.body.campaign.etag },
      body: { campaignId: h.campaign.campaignId, name: { nl: 'Soestainable', en: 'Soestainable 2026' }, startDate: h.campaign.startDate, endDate: h.campaign.endDate },
    });
    expect(again.status).toBe(200);
    expect(again.body.campaign.followUpWeeks).toEqual([1, 4, 10, 20]);
  });

  it.each([
    [[6, 2], 'follow_up_not_rising'],
    [[2, 2], 'follow_up_not_rising'],
    [[], 'follow_up_count'],
    [[1, 2, 3, 4, 5], 'follow_up_count'],
    [[0, 6], 'follow_up_range'],
    [[2, 53], 'follow_up_range'],
    [[-2], 'follow_up_range'],
    [['2', '6'], 'follow_up_not_numbers'],
    [[2.5], 'follow_up_not_numbers'],
    ['2,6,12', 'follow_up_not_numbers'],
    [null, 'follow_up_not_numbers'],
    [{ 0: 2 }, 'follow_up_not_numbers'],
  ])('refuses %j with the rule %s and stores nothing', async (weeks, rule) => {
    const before = await h.repos.campaigns.get(ORG, h.campaign.campaignId);
    const res = await put(h.campaign, before?.etag ?? '', weeks);
    expect({ status: res.status, code: res.body.code, rules: res.body.details?.issues?.map((i) => i.rule) }).toEqual({ status: 400, code: 'VALIDATION_FAILED', rules: [rule] });
    expect((await h.repos.campaigns.get(ORG, h.campaign.campaignId))?.etag).toBe(before?.etag);
  });

  it('refuses a change once the first wave has gone out (follow_up_started), but other changes still pass', async () => {
    // Last challenge day Tue 13 Oct 2026; its first wave went out on Tue 27 Oct.
    const autumn = ended('najaar-2026', '2026-10-12', '2026-10-16');
    const etag = await h.repos.campaigns.save(autumn);
    const res = await put(autumn, etag, [3, 6, 12]);
    expect({ status: res.status, rules: res.body.details?.issues?.map((i) => i.rule) }).toEqual({ status: 400, rules: ['follow_up_started'] });
    expect((await h.repos.campaigns.get(ORG, autumn.campaignId))?.etag).toBe(etag);
    const same = await put(autumn, etag, [2, 6, 12]);
    expect(same.status).toBe(200);
  });

  it('refuses new dates or closing days that would move waves once the first has gone out (follow_up_dates_fixed); a name change still passes', async () => {
    // Last challenge day Tue 13 Oct 2026 (two days of plan); its first wave went out on Tue 27 Oct.
    const autumn = ended('najaar-dates', '2026-10-12', '2026-10-16');
    const etag = await h.repos.campaigns.save(autumn);
    const body = (over: Record<string, unknown>) => ({ campaignId: autumn.campaignId, name: autumn.name, startDate: autumn.startDate, endDate: autumn.endDate, closingDays: [], ...over });
    const attempts = [
      body({ startDate: '2026-10-19', endDate: '2026-10-23' }), // a week later: the waves would follow the new last day
      body({ closingDays: ['2026-10-13'] }), // the last challenge day closed: the plan's last day, and the waves, a day later
    ];
    for (const attempt of attempts) {
      const res = await h.api<ErrorBody>('PUT', '/api/admin/campaign', { token: coordinator, headers: { 'If-Match': etag }, body: attempt });
      expect({ status: res.status, rules: res.body.details?.issues?.map((i) => i.rule) }).toEqual({ status: 400, rules: ['follow_up_dates_fixed'] });
    }
    expect((await h.repos.campaigns.get(ORG, autumn.campaignId))?.etag).toBe(etag);
    const renamed = await h.api<CampaignResponse>('PUT', '/api/admin/campaign', { token: coordinator, headers: { 'If-Match': etag }, body: body({ name: { nl: 'Najaar', en: 'Autumn' } }) });
    expect(renamed.status).toBe(200);
  });

  it('refuses a new first wave that would lie before today (follow_up_in_past), and accepts one from today on', async () => {
    // Last challenge day Tue 24 Nov 2026: the default first wave is Tue 8 Dec; +1 week would be Tue 1 Dec, yesterday.
    const late = ended('late-2026', '2026-11-23', '2026-11-27');
    const etag = await h.repos.campaigns.save(late);
    const past = await put(late, etag, [1, 6]);
    expect({ status: past.status, rules: past.body.details?.issues?.map((i) => i.rule) }).toEqual({ status: 400, rules: ['follow_up_in_past'] });
    expect((await h.repos.campaigns.get(ORG, late.campaignId))?.etag).toBe(etag);
    const later = await put(late, etag, [3, 8]);
    expect(later.status).toBe(200);
    expect(later.body.campaign).toMatchObject({ followUpWeeks: [3, 8], followUpDates: ['2026-12-15', '2027-01-19'] });
  });
});
