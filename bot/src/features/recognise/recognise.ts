import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import { BARRIER_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { Barrier } from '@soestainable/shared/domain/programme';
import type { Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import { plain } from '../../cards/texts';
import { BOARD_MAX, boardItems, itemsByIds, personalBoard, pickSimilar, toggleRecognition, type BoardItem, type ToggleOutcome } from '../../services/recognition/board';
import { noticeCard, type ButtonStyle } from '../core/cards';
import type { ActionHandler, ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';
import { joinFirstCard } from '../enrol/cards';
import barriersTemplate from './barriers.card.json';
import { recogniseTexts as T } from './texts';
import { RECOGNISE_VERBS } from './verbs';

/** Which list a card shows: the `prikkels` list, or the look-alikes offered after a report. */
export type RecogniseView = 'list' | 'similar';

interface ItemButton {
  readonly title: string;
  readonly verb: string;
  readonly style: ButtonStyle;
  readonly barrierId: string;
  readonly want: 'on' | 'off';
  /** The ids the card shows, comma-separated: the card updated in place shows the same barriers. */
  readonly shown: string;
  readonly view: RecogniseView;
}

/** The data of barriers.card.json. Texts people typed go into TextRuns (no Markdown), through `plain()`. */
export interface BarriersCardData {
  readonly title: string;
  readonly intro: string;
  /** What the last press did, or why it was refused; empty for none. */
  readonly notice: string;
  readonly noticeColor: 'Good' | 'Attention' | 'Default';
  readonly empty: string;
  readonly items: ReadonlyArray<{
    readonly text: string;
    readonly meta: string;
    readonly action: string;
    readonly tally: string;
    readonly state: string;
    readonly buttons: readonly ItemButton[];
  }>;
  readonly note: string;
}

export interface Notice {
  readonly text: string;
  readonly tone: 'good' | 'attention';
}

function buttonsOf(item: BoardItem, lang: Language, shown: string, view: RecogniseView): ItemButton[] {
  const base = { barrierId: item.barrierId, shown, view };
  if (item.mine) {
    return [
      { ...base, title: t(T.withdraw, lang), verb: RECOGNISE_VERBS.toggle, style: 'default', want: 'off' },
      item.notify
        ? { ...base, title: t(T.notifyOff, lang), verb: RECOGNISE_VERBS.notify, style: 'default', want: 'off' }
        : { ...base, title: t(T.notifyOn, lang), verb: RECOGNISE_VERBS.notify, style: 'default', want: 'on' },
    ];
  }
  return item.open ? [{ ...base, title: t(T.recognise, lang), verb: RECOGNISE_VERBS.toggle, style: 'positive', want: 'on' }] : [];
}

export function barriersCardData(items: readonly BoardItem[], lang: Language, view: RecogniseView, notice?: Notice): BarriersCardData {
  const shown = items.map((i) => i.barrierId).join(',');
  return {
    title: t(view === 'list' ? T.title : T.similarTitle, lang),
    intro: t(view === 'list' ? T.intro : T.similarIntro, lang),
    notice: notice?.text ?? '',
    noticeColor: notice === undefined ? 'Default' : notice.tone === 'good' ? 'Good' : 'Attention',
    empty: t(T.empty, lang),
    items: items.map((item) => {
      const status = t(BARRIER_STATUS_LABELS[item.status], lang);
      return {
        text: plain(item.text),
        meta: t(T.themeStatus, lang, { theme: t(THEME_LABELS[item.theme], lang), status }),
        // An English title may still wait for its translation: then the Dutch one.
        action: item.action === undefined ? '' : t(T.action, lang, { title: plain(item.action[lang] || item.action.nl) }),
        tally: item.count === 0 ? t(T.noCount, lang) : t(T.count, lang, { count: item.count }),
        state: !item.open ? t(T.closed, lang, { status }) : item.mine && item.notify ? t(T.notifyState, lang) : '',
        buttons: buttonsOf(item, lang, shown, view),
      };
    }),
    note: t(T.privacyNote, lang),
  };
}

export function barriersCard(items: readonly BoardItem[], lang: Language, view: RecogniseView, notice?: Notice): Attachment {
  return renderCard(barriersTemplate, barriersCardData(items, lang, view, notice));
}

/**
 * The answer in a team channel or group chat: the list would show everyone which barriers this person recognises
 * (and its buttons could be pressed by anyone), so it is never shown there, and a press sent from there changes nothing.
 */
export function notPersonalCard(lang: Language): Attachment {
  return noticeCard({ title: t(T.personalOnlyTitle, lang), lines: [t(T.personalOnlyText, lang)] });
}

/** Exactly what the card's buttons send. */
const pressSchema = z.strictObject({
  verb: z.string(),
  barrierId: z.string().min(1).max(64),
  want: z.enum(['on', 'off']),
  shown: z.string().max(BOARD_MAX * 65),
  view: z.enum(['list', 'similar']),
});

function noticeOf(outcome: ToggleOutcome, lang: Language): Notice {
  switch (outcome.kind) {
    case 'recognised':
      return { text: t(T.doneRecognised, lang), tone: 'good' };
    case 'withdrawn':
      return { text: t(T.doneWithdrawn, lang), tone: 'good' };
    case 'already':
      return { text: t(T.doneAlready, lang), tone: 'good' };
    case 'notify':
      return { text: t(T.doneNotify, lang), tone: 'good' };
    case 'missing':
      return { text: t(T.errorMissing, lang), tone: 'attention' };
    case 'closed':
      return { text: t(T.errorClosed, lang, { status: t(BARRIER_STATUS_LABELS[outcome.status], lang) }), tone: 'attention' };
  }
}

/**
 * "Herken ik" (me too), issue 16 item 1: `prikkels` / `barriers` shows the open barriers of the person's team and
 * the organisation's most recognised ones; each press states what the person wants (recognise or withdraw, hear
 * back or not), so a double click or a second device finds it done, and the card is replaced in place with the
 * same barriers, their counts now and what the press did.
 */
export function createRecogniseFeature(deps: FeatureDeps): Feature {
  const { repos, config, logger } = deps;
  const orgId = config.org.id;

  const press =
    (kind: 'toggle' | 'notify'): ActionHandler =>
    async (turn: Turn, data): Promise<ActionResult> => {
      if (!turn.personal) {
        logger.info('recognition refused', { reason: 'not_personal' });
        return { card: notPersonalCard(turn.lang) };
      }
      const p = turn.participant;
      if (!isJoined(p)) return { card: joinFirstCard(turn.lang) };
      const parsed = pressSchema.safeParse(data);
      if (!parsed.success) {
        logger.info('recognition refused', { reason: 'fields' });
        return { card: barriersCard(await personalBoard(repos, orgId, p), turn.lang, 'list', { text: t(T.errorFields, turn.lang), tone: 'attention' }) };
      }
      const { barrierId, want, view } = parsed.data;
      const on = want === 'on';
      let notice: Notice;
      if (kind === 'notify' && (await repos.recognitions.listByUser(orgId, p.userId)).every((r) => r.barrierId !== barrierId)) {
        // "Laat me weten" only comes with a recognition: from an old card after withdrawing, nothing to set.
        notice = { text: t(T.errorNotRecognised, turn.lang), tone: 'attention' };
      } else {
        const outcome = await toggleRecognition(repos, orgId, p, kind === 'toggle' ? { barrierId, on } : { barrierId, on: true, notify: on });
        logger.info('recognition', { outcome: outcome.kind });
        notice = noticeOf(outcome, turn.lang);
      }
      const shown = [...new Set(parsed.data.shown.split(',').filter((id) => id !== ''))].slice(0, BOARD_MAX);
      const items = await itemsByIds(repos, orgId, p.userId, shown.length > 0 ? shown : [barrierId]);
      return { card: barriersCard(items, turn.lang, view, notice) };
    };

  return {
    commands: {
      barriers: async (turn) => {
        if (!turn.personal) {
          await turn.context.sendActivity({ attachments: [notPersonalCard(turn.lang)] });
          return;
        }
        const p = turn.participant;
        if (!isJoined(p)) {
          await turn.context.sendActivity({ attachments: [joinFirstCard(turn.lang)] });
          return;
        }
        await turn.context.sendActivity({ attachments: [barriersCard(await personalBoard(repos, orgId, p), turn.lang, 'list')] });
      },
    },
    actions: {
      [RECOGNISE_VERBS.toggle]: press('toggle'),
      [RECOGNISE_VERBS.notify]: press('notify'),
    },
  };
}

/**
 * After a barrier is reported (`prikkel: …` or on the check-in card), the report's follow-up messages: the card
 * with up to three open barriers that look like it, each with "Herken ik", or none when none does. The new report
 * is filed as usual; this runs after its answer (ActionResult.followUps).
 */
export async function similarFollowUps(deps: Pick<FeatureDeps, 'repos' | 'config'>, reported: Pick<Barrier, 'barrierId' | 'text'>, userId: string, lang: Language): Promise<Attachment[]> {
  const { repos, config } = deps;
  const similar = pickSimilar(await repos.barriers.list(config.org.id), reported.text, reported.barrierId, userId);
  if (similar.length === 0) return [];
  return [barriersCard(await boardItems(repos, config.org.id, userId, similar), lang, 'similar')];
}
