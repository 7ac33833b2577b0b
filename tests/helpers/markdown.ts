import type { Attachment } from 'botbuilder';

/**
 * What Adaptive Cards' Markdown (a CommonMark subset: bold, italic, links, lists) would act on in a card, checked
 * without a Markdown library: an unescaped `\ * _ [ ] ~ backtick` (a link needs its brackets), or a list marker (`- `, `+ `, `* `,
 * `1. `) at the start of a line. A backslash before ASCII punctuation is CommonMark's escape and shows nothing.
 */

const ACTIVE = new Set(['\\', '*', '_', '[', ']', '~', '`']);
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d+\.)(?:[ \t]|$)/m;

/** The Markdown a renderer would act on in `text`, as short descriptions; empty when it shows literally. */
export function activeMarkdown(text: string): string[] {
  const found: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === '\\' && PUNCTUATION.test(chars[i + 1] ?? '')) i++;
    else if (ACTIVE.has(ch)) found.push(`"${ch}" at ${i} in ${JSON.stringify(text)}`);
  }
  if (LIST_MARKER.test(text)) found.push(`a list marker in ${JSON.stringify(text)}`);
  return found;
}

/** What a CommonMark renderer shows for an escaped text: the backslash of each escape dropped. */
export function shownText(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Every text of a card that a renderer reads as Markdown: TextBlock texts, FactSet titles and values. */
export function markdownTexts(card: Attachment | Record<string, unknown>): string[] {
  const json = ('contentType' in card && 'content' in card ? card.content : card) as unknown;
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'TextBlock' && typeof n['text'] === 'string') out.push(n['text']);
    if (n['type'] === 'FactSet' && Array.isArray(n['facts'])) {
      for (const f of n['facts'] as Array<Record<string, unknown>>) out.push(String(f['title']), String(f['value']));
    }
    Object.values(n).forEach(walk);
  };
  walk(json);
  return out;
}
