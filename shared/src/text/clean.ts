/**
 * Invisible characters that change how a text is shown, and how they are removed from every text people type
 * (a barrier, an idea, an action, a team or campaign name) before it is counted and stored. Pure: no Node or DOM.
 *
 * Removed:
 * - C0 controls except line feed and tab: U+0000–U+0008, U+000B–U+001F (a carriage return is removed after
 *   `\r\n` and a lone `\r` have become `\n`, so no line break is lost);
 * - DEL and the C1 controls: U+007F–U+009F;
 * - the bidirectional formatting characters: U+061C (Arabic letter mark), U+200E and U+200F (LRM, RLM),
 *   U+202A–U+202E (embeddings and overrides), U+2066–U+2069 (isolates). A right-to-left override turns
 *   "txt.exe" into "exe.txt" wherever the text is shown: the inbox, the dashboard, the digest, a card.
 *
 * Everything else stays, including U+200D (the zero-width joiner inside emoji such as 👩‍💻) and U+00A0.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without the characters listed above; line breaks normalised to `\n`. Idempotent. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HIDDEN, '');
}

