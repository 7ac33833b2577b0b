import type { IsoDate, Localized } from './types';

/** Life cycle of a campaign: drafted by the coordinator, active while it runs, ended afterwards. */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** One run of the Soestainable Challenge for an organisation (typically two working weeks). */
export interface Campaign {
  readonly orgId: string;
  readonly campaignId: string;
  readonly name: Localized;
  /** First and last calendar day of the campaign, inclusive. */
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** Challenge ids in order: entry `n - 1` is the challenge of working day `n`. */
  readonly dayPlan: readonly string[];
  /** Local closing days (the municipality may set up to two) on which nobody is nudged. */
  readonly closingDays: readonly IsoDate[];
  readonly status: CampaignStatus;
  /** Demo data seeded for local use. */
  readonly demo: boolean;
  /**
   * The follow-up waves (issue 15), in whole weeks after the last challenge day, as the coordinator set them
   * (`followUpWeeksSchema`); absent = the default +2/+6/+12. Read it through `campaignFollowUpWeeks`.
   */
  readonly followUpWeeks?: readonly number[];
}

/** True when `day` lies within the campaign's start and end date (inclusive). ISO dates compare as strings. */
export function campaignIncludes(campaign: Pick<Campaign, 'startDate' | 'endDate'>, day: IsoDate): boolean {
  return campaign.startDate <= day && day <= campaign.endDate;
}
