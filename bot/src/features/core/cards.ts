import type { Attachment } from 'botbuilder';
import type { Language, Localized } from '@soestainable/shared/domain/types';
import { renderCard } from '../../cards/render';
import { fill, type Texts } from '../../cards/texts';
import noticeTemplate from './notice.card.json';

/*
 * What every feature's cards are built from: a feature's texts in one language, buttons, the short notice card, and
 * the language names. The card kit underneath (templating, size check, `fill`) is bot/src/cards/, which the jobs
 * use too.
 */

/** The languages as their own speakers name them (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { nl: 'Nederlands', en: 'English' };

/** Every text of a feature's `texts.ts` in one language, for a card template's `t` object. */
export function textsIn<T extends Texts>(texts: T, lang: Language, vars: Readonly<Record<string, string | number>> = {}): { [K in keyof T]: string } {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(texts) as Array<[string, Localized]>) out[key] = fill(text, lang, vars);
  return out as { [K in keyof T]: string };
}

export type ButtonStyle = 'default' | 'positive' | 'destructive';

/** One button of a {@link NoticeCardData}: an `Action.Execute` with `verb`, falling back to an `Action.Submit`. */
export interface CardButton {
  readonly title: string;
  readonly verb: string;
  readonly style: ButtonStyle;
}

export function button(title: string, verb: string, style: ButtonStyle = 'default'): CardButton {
  return { title, verb, style };
}

/** Data of `notice.card.json`: a title, lines of text, optional facts, small print and buttons. */
export interface NoticeCardData {
  readonly title: string;
  readonly lines: ReadonlyArray<{ readonly text: string }>;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly notes: ReadonlyArray<{ readonly text: string }>;
  readonly buttons: readonly CardButton[];
}

/**
 * A short card that tells what happened, with the buttons for what comes next: the confirmation the
 * enrolment, leave and settings flows replace a clicked card with, and every feature's short notices (a day
 * without a challenge, a card that is no longer valid, "not here, in your own chat"). Every text is passed in
 * resolved; text a person typed must already have gone through `plain()`.
 */
export function noticeCard(data: {
  title: string;
  lines?: readonly string[];
  facts?: ReadonlyArray<{ title: string; value: string }>;
  notes?: readonly string[];
  buttons?: readonly CardButton[];
}): Attachment {
  const card: NoticeCardData = {
    title: data.title,
    lines: (data.lines ?? []).map((text) => ({ text })),
    facts: data.facts ?? [],
    notes: (data.notes ?? []).map((text) => ({ text })),
    buttons: data.buttons ?? [],
  };
  return renderCard(noticeTemplate, card);
}
