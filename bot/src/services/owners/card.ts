import type { Attachment } from 'botbuilder';
import { ACTION_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { OWNER_UPDATE_MAX } from '@soestainable/shared/domain/owners';
import { nextStatuses, type Action, type Barrier } from '@soestainable/shared/domain/programme';
import type { Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { formatLongDate } from '../../cards/format';
import { renderCard } from '../../cards/render';
import { plain } from '../../cards/texts';
import ownerTemplate from './owner.card.json';
import { ownerTexts as T } from './texts';

/** The verb of the owner card's "Opslaan": the bot's owners feature handles it. */
export const OWNER_UPDATE_VERB = 'owner.update';
/** The status choice that keeps the status (a choice needs a value; the update treats it as no status). */
export const OWNER_KEEP_STATUS = 'keep';
/** How many linked barriers the card lists (the tab lists them all). */
export const OWNER_CARD_BARRIERS = 5;
/** Longest barrier text on the card (characters); longer ones end in "…". */
const BARRIER_CHARS = 160;

/** What the owner card shows: the action (with its version), its linked barriers, and why it was sent. */
export interface OwnerCardInput {
  readonly action: Action;
  /** The action's ETag: the card's version, sent back with a save so that an old card stores nothing. */
  readonly version: string;
  /** The open linked barriers, most recognised first (anonymous: theme, text and how many recognise it, never who). */
  readonly barriers: ReadonlyArray<Pick<Barrier, 'theme' | 'text'> & { readonly recognitions: number }>;
  /** `new`: just named owner; `reminder`: no update for `quietDays`; `current`: asked for (`mijn acties`) or after a save. */
  readonly reason: 'new' | 'reminder' | 'current';
  readonly quietDays?: number;
  /** A line on top: saved (good), or why a save was refused (attention). */
  readonly notice?: { readonly text: string; readonly good: boolean };
}

export interface OwnerCardData {
  readonly heading: string;
  readonly action: string;
  readonly intro: string;
  readonly notice: string;
  readonly noticeColor: 'Good' | 'Attention';
  readonly facts: ReadonlyArray<{ title: string; value: string }>;
  readonly barriersHeading: string;
  readonly barriers: ReadonlyArray<{ theme: string; text: string; recognised: string }>;
  readonly noBarriers: string;
  /** False once the action is realised: nothing left to update. */
  readonly editable: boolean;
  readonly statusLabel: string;
  readonly choices: ReadonlyArray<{ title: string; value: string }>;
  readonly updateLabel: string;
  readonly updatePlaceholder: string;
  readonly updateMax: number;
  readonly privacy: string;
  readonly save: string;
  readonly verb: string;
  readonly actionId: string;
  readonly version: string;
}

function shorten(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= BARRIER_CHARS ? chars.join('') : chars.slice(0, BARRIER_CHARS - 1).join('') + '…';
}

export function ownerCardData(input: OwnerCardInput, lang: Language): OwnerCardData {
  const { action } = input;
  const statusName = t(ACTION_STATUS_LABELS[action.status], lang);
  const intro =
    input.reason === 'new' ? t(T.introNew, lang) : input.reason === 'reminder' ? t(T.introReminder, lang, { count: input.quietDays ?? 0 }) : '';
  const shown = input.barriers.slice(0, OWNER_CARD_BARRIERS);
  return {
    heading: t(T.heading, lang),
    // An English title may still wait for its translation: then the Dutch one. A TextRun: no Markdown.
    action: plain(action.title[lang] || action.title.nl),
    intro,
    notice: input.notice?.text ?? '',
    noticeColor: input.notice?.good === false ? 'Attention' : 'Good',
    facts: [
      { title: t(T.status, lang), value: statusName },
      { title: t(T.dueDate, lang), value: action.dueDate === undefined ? t(T.noDueDate, lang) : formatLongDate(action.dueDate, lang) },
      { title: t(T.theme, lang), value: t(THEME_LABELS[action.theme], lang) },
    ],
    barriersHeading: t(T.barriersHeading, lang, { count: input.barriers.length }),
    barriers: shown.map((b) => ({
      theme: t(T.barrierTheme, lang, { theme: t(THEME_LABELS[b.theme], lang) }),
      text: plain(shorten(b.text)),
      recognised: b.recognitions > 0 ? t(T.recognisedBy, lang, { count: b.recognitions }) : t(T.recognisedByNobody, lang),
    })),
    noBarriers: t(T.noBarriers, lang),
    editable: action.status !== 'gerealiseerd',
    statusLabel: t(T.statusLabel, lang),
    choices: [
      { title: t(T.keepStatus, lang, { status: statusName }), value: OWNER_KEEP_STATUS },
      ...nextStatuses(action.status).map((s) => ({ title: t(ACTION_STATUS_LABELS[s], lang), value: s })),
    ],
    updateLabel: t(T.updateLabel, lang),
    updatePlaceholder: t(T.updatePlaceholder, lang),
    updateMax: OWNER_UPDATE_MAX,
    privacy: t(T.privacy, lang),
    save: t(T.save, lang),
    verb: OWNER_UPDATE_VERB,
    actionId: action.actionId,
    version: input.version,
  };
}

/** The action owner's card, in their language. */
export function buildOwnerCard(input: OwnerCardInput, lang: Language): Attachment {
  return renderCard(ownerTemplate, ownerCardData(input, lang));
}
