/**
 * How alike two short texts are, for offering an existing barrier when someone reports one that looks the same.
 * No library: the texts are one or two sentences, Dutch or English, and the question is "do they name the same
 * thing", so a small, predictable measure does:
 * 1. words: lower case, accents removed, split on anything but letters and digits; words of fewer than 3 letters
 *    and common Dutch and English function words are left out;
 * 2. each word becomes its character trigrams with a boundary mark (`_be`, `bek`, …, `rs_`), which lets Dutch
 *    compounds and inflections meet ("koffiebekers", "bekertjes" and "bekers" share most trigrams);
 * 3. the score is the Dice coefficient of the two texts' trigram sets: 2·|A∩B| / (|A|+|B|), from 0 to 1;
 * 4. but only when at least {@link MIN_SHARED_WORDS} words of one text meet a word of the other (the same word bent
 *    or compounded: their own trigrams' Dice at least {@link WORD_MATCH}, or one of 4+ letters inside the other);
 *    else 0. One shared word ("plastic", "gemeld") is not the same barrier, and short texts share one easily.
 * {@link SIMILAR_THRESHOLD} was chosen on the examples in tests/unit/bot/services/similarity.test.ts.
 */

/** Scores at or above this count as "looks alike". */
export const SIMILAR_THRESHOLD = 0.3;
/** Fewest words two texts must share (step 4) before their score counts. */
export const MIN_SHARED_WORDS = 2;
/** Two words are the same word bent or compounded at this trigram Dice or above. */
export const WORD_MATCH = 0.5;

const STOPWORDS: ReadonlySet<string> = new Set([
  'de', 'het', 'een', 'en', 'van', 'dat', 'die', 'dit', 'deze', 'niet', 'geen', 'wel', 'met', 'voor', 'naar', 'zijn', 'heeft', 'hebben',
  'wordt', 'worden', 'ook', 'nog', 'maar', 'als', 'bij', 'aan', 'uit', 'over', 'om', 'op', 'te', 'er', 'hier', 'daar', 'alleen', 'altijd',
  'veel', 'weinig', 'meer', 'heel', 'erg', 'zo', 'kan', 'kun', 'kunnen', 'moet', 'moeten', 'wij', 'we', 'ons', 'onze', 'ik', 'mijn', 'je', 'jij',
  'the', 'and', 'for', 'with', 'not', 'are', 'has', 'have', 'there', 'here', 'only', 'always', 'our', 'can', 'cannot', 'too', 'very', 'this', 'that', 'they',
]);

/** A text read once for comparing: its words (step 1), each word's trigrams, and all of them together. */
export interface TextProfile {
  readonly words: ReadonlyArray<{ readonly word: string; readonly grams: ReadonlySet<string> }>;
  readonly grams: ReadonlySet<string>;
}

function gramsOf(word: string): Set<string> {
  const padded = `_${word}_`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

export function profile(text: string): TextProfile {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 3 && !STOPWORDS.has(w)),
    ),
  ].map((word) => ({ word, grams: gramsOf(word) }));
  return { words, grams: new Set(words.flatMap((w) => [...w.grams])) };
}

/** The Dice coefficient of two trigram sets: 0 when either is empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function sameWord(a: TextProfile['words'][number], b: TextProfile['words'][number]): boolean {
  const [short, long] = a.word.length <= b.word.length ? [a.word, b.word] : [b.word, a.word];
  return (short.length >= 4 && long.includes(short)) || dice(a.grams, b.grams) >= WORD_MATCH;
}

/** How alike two texts are, 0 to 1 (see the file comment). */
export function similarityOf(a: TextProfile, b: TextProfile): number {
  const shared = a.words.filter((w) => b.words.some((v) => sameWord(w, v))).length;
  return shared >= MIN_SHARED_WORDS ? dice(a.grams, b.grams) : 0;
}

export function similarity(a: string, b: string): number {
  return similarityOf(profile(a), profile(b));
}
