/**
 * The characters no stored text may hold (control and bidirectional formatting characters, as listed in
 * shared/src/text/clean.ts), written out here on their own so the tests do not trust the code's own pattern.
 */

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Every forbidden code point: C0 but `\n` and `\t`, DEL and C1, and the bidi controls. */
export const HIDDEN_CODE_POINTS: readonly number[] = [
  ...range(0x00, 0x1f).filter((c) => c !== 0x0a && c !== 0x09),
  ...range(0x7f, 0x9f),
  0x061c,
  0x200e,
  0x200f,
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
];

/** All of them in one string. */
export const HIDDEN_CHARS = String.fromCodePoint(...HIDDEN_CODE_POINTS);

/** "txt.exe" as a right-to-left override shows it: "exe.txt" on screen. */
export const RLO_FILE_NAME = 'factuur\u202Etxt.exe';

/**
 * `text` with every forbidden character spread through it (one after each character, then the rest), the carriage
 * return last: cleaned and trimmed, it is `text` again (a lone `\r` becomes a line break, which trimming removes).
 */
export function sprinkled(text: string): string {
  const chars = [...text];
  const hidden = [...HIDDEN_CHARS.replace('\r', '')];
  return chars.map((c, i) => c + (hidden[i] ?? '')).join('') + hidden.slice(chars.length).join('') + '\r';
}

/** The forbidden characters found in any string inside `value` (objects and arrays walked), as `U+XXXX`. */
export function hiddenCharsIn(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const ch of v) {
        const cp = ch.codePointAt(0) ?? 0;
        if (HIDDEN_CODE_POINTS.includes(cp)) found.add(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      }
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (typeof v === 'object' && v !== null) {
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return [...found];
}
