import { distance } from 'fastest-levenshtein';
import { COMMANDS, COMMAND_IDS, type CommandId } from './catalog';

export type ParsedCommand = { readonly command: CommandId; readonly args: string } | { readonly command: undefined; readonly args: string };

interface Token {
  readonly word: string;
  readonly end: number;
}

/** Words of the text, lower-cased and without diacritics, each with where it ends in the original. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(/[^\s:]+/g)) {
    const word = match[0]
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/^[/!]+/, '')
      .replace(/[.,;!]+$/, '');
    if (word !== '') out.push({ word, end: (match.index ?? 0) + match[0].length });
  }
  return out;
}

/** True when `a` is `b` with two neighbouring letters swapped ("hervta" for "hervat"): one typo, not two. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** How many typos an alias of this length forgives: none for short words, one up to six letters, two beyond. */
function tolerance(alias: string): number {
  if (alias.length <= 3) return 0;
  return alias.length <= 6 ? 1 : 2;
}

const ALIASES = COMMAND_IDS.flatMap((command) =>
  COMMANDS[command].aliases.map((alias) => ({ command, alias, words: alias.split(' ').length })),
).sort((a, b) => b.words - a.words || b.alias.length - a.alias.length);

/**
 * Reads a text command, Dutch or English, case-insensitive, tolerant of small typos ("incheken", "voortgnag"):
 * the longest alias that matches the first words wins; what follows (after an optional `:`) is the argument, in
 * the user's own casing. Unknown text gives `command: undefined` (the dispatcher answers with the help card).
 */
export function parseCommand(text: string): ParsedCommand {
  const cleaned = text.trim();
  const words = tokens(cleaned);
  if (words.length === 0) return { command: undefined, args: '' };
  let best: { command: CommandId; used: number; score: number } | undefined;
  for (const { command, alias, words: n } of ALIASES) {
    if (words.length < n) continue;
    const typed = words
      .slice(0, n)
      .map((t) => t.word)
      .join(' ');
    const d = typed === alias ? 0 : isTransposition(typed, alias) ? 1 : distance(typed, alias);
    if (d > tolerance(alias)) continue;
    // Exact beats fuzzy; among equals the longer alias (more words) wins, which the sort order gives.
    if (best === undefined || d < best.score) best = { command, used: n, score: d };
    if (d === 0) break;
  }
  if (best === undefined) return { command: undefined, args: cleaned };
  const end = words[best.used - 1]?.end ?? 0;
  const args = cleaned.slice(end).replace(/^\s*[:\-–]?\s*/, '').trim();
  return { command: best.command, args };
}
