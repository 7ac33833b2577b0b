import type { TextTable } from '@soestainable/shared/text';

/**
 * A feature's texts: every key in Dutch (the source) and English, one wording or plural forms per language. Say one
 * with `t(text, lang, vars)` from `@soestainable/shared/text`; text someone typed goes through {@link plain} or
 * {@link literal} first.
 */
export type Texts = TextTable;

/**
 * Text a person typed (or an admin named), made safe to show to anyone. Cards put such text in a `TextRun`
 * (a RichTextBlock's plain-text run: no Markdown is processed there), so nothing here needs escaping; this strips
 * control characters and, as a second line of defence where Markdown *is* rendered (FactSet values, messages),
 * breaks link syntax and bare URLs with a zero-width space so the text can never become a link.
 */
export function plain(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\]\(/g, ']\u200b(')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (m) => m.slice(0, 3) + '\u200b.');
}

/**
 * What Adaptive Cards' Markdown acts on inside a line: emphasis, link brackets, code, strike-through, and the escape
 * itself. Parentheses alone form nothing (a link needs its `[`), so "Team (oost)" keeps them as they are.
 */
const MARKDOWN_INLINE = /[\\*_[\]~`]/g;
/** A list marker at the start of a line (`- `, `+ `, `* `, `1. `): its punctuation is escaped. */
const MARKDOWN_LIST = /^([ \t]*)([-+*]|\d+\.)(?=[ \t]|$)/gm;

/**
 * A name someone chose (a team, a campaign), made literal for a card element that renders Markdown (a TextBlock,
 * a FactSet): {@link plain} first, then every character Markdown gives a meaning is escaped with a backslash, the
 * way CommonMark and the Adaptive Cards renderers read it. "**[klik](https://evil)**" shows those characters,
 * never bold or a link; a name without them ("Publiekszaken & Burgerzaken") is unchanged. Not for a TextRun or an
 * input, which show the backslashes.
 */
export function literal(text: string): string {
  return plain(text)
    .replace(MARKDOWN_INLINE, (m) => `\\${m}`)
    .replace(MARKDOWN_LIST, (_m, indent: string, marker: string) => `${indent}${marker.replace(/[-+*.]/, (c) => `\\${c}`)}`);
}

/** Teams sends locales like `nl-NL`, `en-US`, `en-GB`; anything that is not English is answered in Dutch (shared with the tab). */
export { languageOfLocale } from '@soestainable/shared/text';
