import type { Attachment } from 'botbuilder';
import type { Language } from '@soestainable/shared/domain/types';
import { t, type TextTable, type TextValue } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import noticeTemplate from './notice.card.json';

/*
 * What every feature's cards are built from: a feature's texts in one language, buttons, the short notice card, and
 * the language names. The card kit underneath (templating, size check, `plain`/`literal`) is bot/src/cards/, which
 * the jobs use too. A text is said with `t(text, lang, vars)` from `@soestainable/shared/text`.
 */

/** The languages as their own speakers name them (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { nl: 'Nederlands', en: 'English' };

/**
 * Every text of a feature's `texts.ts` said in one language with one set of values: `t(text, lang, vars)` for each
 * key. It exists for card templates, whose `${t.key}` bindings read a whole table at once (`t: textsIn(T, lang)`),
 * and for a handler that says several texts of one table; a single text is said with `t()` itself. The values are
 * not checked per text (a table mixes texts with and without placeholders), so a missing one stays visible as
 * `{name}`, as with `t()`; a plural text in the table takes its form from `vars.count`.
 */
export function textsIn<T extends TextTable>(texts: T, lang: Language, vars: Readonly<Record<string, TextValue>> = {}): { [K in keyof T]: string } {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(texts)) out[key] = t<TextTable[string]>(text, lang, vars);
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
