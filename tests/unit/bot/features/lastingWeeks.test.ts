import { buildEndCard, savedCard } from '@soestainable/bot/features/lasting/cards';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { cardProblems, cardText } from '../../../helpers/cards';

/**
 * The end card and its thank-you name the campaign's own follow-up waves (issue 15: the waves are a coordinator's
 * setting), not the default +2/+6/+12, in both languages, with "week" or "weken" as the number asks.
 */
const CAMPAIGN: Campaign = {
  orgId: 'soest',
  campaignId: 'c-dec',
  name: { nl: 'December', en: 'December' },
  startDate: '2026-11-30',
  endDate: '2026-12-11',
  dayPlan: ['dag01-eigen-beker'],
  closingDays: [],
  status: 'active',
  demo: false,
};
const CHOICES = [{ challengeId: 'dag01-eigen-beker', phrase: { nl: 'Ik neem mijn eigen beker mee', en: 'I bring my own cup' } }];
const ANSWERS = { commuteMode: 'fiets', distanceBand: '5-10', disposablePackaging: 'sometimes', screensOffAtNight: true, lightsOffWhenLeaving: true } as const;

describe('the follow-up weeks on the end card', () => {
  it.each([
    ['nl', undefined, 'Over 2, 6 en 12 weken vraag ik hoe het gaat.', 'Over 2 weken vraag ik hoe het met je voornemens gaat.'],
    ['en', undefined, "In 2, 6 and 12 weeks I'll ask how it's going.", "In 2 weeks I'll ask how your pledges are going."],
    ['nl', [1, 4], 'Over 1 en 4 weken vraag ik hoe het gaat.', 'Over 1 week vraag ik hoe het met je voornemens gaat.'],
    ['en', [1, 4], "In 1 and 4 weeks I'll ask how it's going.", "In 1 week I'll ask how your pledges are going."],
    ['nl', [3], 'Over 3 weken vraag ik hoe het gaat.', 'Over 3 weken vraag ik hoe het met je voornemens gaat.'],
    ['en', [1], "In 1 week I'll ask how it's going.", "In 1 week I'll ask how your pledges are going."],
  ] as const)('%s, weeks %j', (lang, weeks, intro, thanks) => {
    const campaign = weeks === undefined ? CAMPAIGN : { ...CAMPAIGN, followUpWeeks: weeks };
    const card = buildEndCard({ lang, campaign, choices: CHOICES });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(intro);
    const saved = savedCard({ lang, answers: ANSWERS, pledge: { challengeIds: ['dag01-eigen-beker'] }, choices: CHOICES, ...(weeks === undefined ? {} : { followUpWeeks: weeks }) });
    expect(cardText(saved)).toContain(thanks);
  });
});
