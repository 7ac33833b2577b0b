import { buildYouSaidCard, type YouSaidContent } from '@soestainable/bot/jobs/yousaid/card';
import { changesOf } from '@soestainable/bot/jobs/yousaid';
import { youSaidTexts } from '@soestainable/bot/jobs/yousaid/texts';
import type { Action, ActionUpdate } from '@soestainable/shared/domain/programme';
import { LANGUAGES } from '@soestainable/shared/domain/types';
import { formsOf } from '@soestainable/shared/text';
import { cardProblems, cardText } from '../../../helpers/cards';

const action: Action = {
  orgId: 'soest',
  actionId: 'act-1',
  title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' },
  description: { nl: '', en: '' },
  theme: 'circulariteit',
  dimension: 'uitvoering',
  status: 'in_uitvoering',
  owner: 'Facilitair',
  // b0 came with the action when it was created (no link entry), b1 and b2 were linked later.
  barrierIds: ['b0', 'b1', 'b2'],
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-04T09:00:00.000Z',
  demo: false,
};
const entry = (updateId: string, at: string, over: Partial<ActionUpdate>): ActionUpdate => ({ actionId: 'act-1', updateId, at, author: 'coordinator', kind: 'note', ...over });
const timeline: ActionUpdate[] = [
  entry('u1', '2026-12-01T09:00:00.000Z', { text: 'created' }),
  entry('u2', '2026-12-02T09:00:00.000Z', { kind: 'link', text: 'b1' }),
  entry('u3', '2026-12-03T09:00:00.000Z', { kind: 'status', fromStatus: 'idee', toStatus: 'gepland' }),
  entry('u4', '2026-12-04T08:00:00.000Z', { kind: 'link', text: 'b2' }),
  entry('u5', '2026-12-04T09:00:00.000Z', { kind: 'status', fromStatus: 'gepland', toStatus: 'in_uitvoering' }),
  entry('u6', '2026-12-04T10:00:00.000Z', { kind: 'note', text: 'Bekers besteld' }),
];

describe('"you said, we did": which changes are news for whom', () => {
  it('a link is news for the linked barriers, a status change for the barriers the action carried at that moment', () => {
    const changes = changesOf(action, timeline, '2026-11-30T00:00:00.000Z', '2026-12-05T00:00:00.000Z');
    expect(changes.map((c) => [c.update.updateId, c.kind, c.barrierIds, c.status])).toEqual([
      ['u2', 'link', ['b1'], 'idee'],
      ['u3', 'status', ['b0', 'b1'], 'gepland'],
      ['u4', 'link', ['b2'], 'gepland'],
      ['u5', 'status', ['b0', 'b1', 'b2'], 'in_uitvoering'],
    ]);
  });

  it('only entries inside the window count; the statuses before it still set the scene', () => {
    const changes = changesOf(action, timeline, '2026-12-04T07:00:00.000Z', '2026-12-04T08:30:00.000Z');
    expect(changes.map((c) => [c.update.updateId, c.status])).toEqual([['u4', 'gepland']]);
  });

  it('ignores a link entry without ids', () => {
    expect(changesOf(action, [entry('x', '2026-12-02T09:00:00.000Z', { kind: 'link', text: '' })], '2026-12-01', '2026-12-31')).toEqual([]);
  });
});

describe('"you said, we did" card', () => {
  const content: YouSaidContent = {
    kind: 'status',
    reports: [
      { reference: 'P-7K3F', text: 'Alleen **plastic** bekers, zie www.example.com' },
      { reference: 'P-2QX9', text: 'Geen vaatwasser' },
    ],
    actionTitle: { nl: 'Herbruikbare bekers', en: 'Reusable cups' },
    status: 'gerealiseerd',
    owner: 'Facilitair',
  };

  it.each(LANGUAGES)('%s', (lang) => {
    const card = buildYouSaidCard(content, lang);
    expect(cardProblems(card)).toEqual([]);
    expect(card.content).toMatchSnapshot();
  });

  it('says "barrier" for one report and keeps what people typed as plain text', () => {
    const one = cardText(buildYouSaidCard({ ...content, kind: 'link', reports: content.reports.slice(0, 1) }, 'en'));
    expect(one).toContain('Your barrier has been picked up');
    expect(one).toContain('Alleen **plastic** bekers, zie www\u200b.example.com');
    expect(one).toContain('P-7K3F');
    expect(cardText(buildYouSaidCard(content, 'nl'))).toContain('De actie bij je prikkels heeft een nieuwe status.');
  });

  it('has every text in Dutch and English', () => {
    for (const [key, text] of Object.entries(youSaidTexts)) {
      expect([key, formsOf(text, 'nl').every((f) => f.length > 0), formsOf(text, 'en').every((f) => f.length > 0)]).toEqual([key, true, true]);
    }
  });
});
