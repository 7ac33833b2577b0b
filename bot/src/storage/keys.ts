import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/**
 * Table Storage forbids `/ \ # ?` and control characters (U+0000–U+001F, U+007F–U+009F) in PartitionKey and
 * RowKey, and Azurite answers a `/` with a 500 that the SDK retries for seconds. We percent-encode them, plus
 * `%` (so the encoding is reversible) and `|` (our separator for composite keys, so parts never run together).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[%|/\\#?\u0000-\u001f\u007f-\u009f]/g;
/** Keys may hold 1 KiB; we stay well under so that a composite key of several parts still fits. */
export const MAX_KEY_PART_LENGTH = 256;

/** A UTF-16 surrogate without its other half: no URL (the SDK's request) can carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function encodeKeyPart(value: string): string {
  if (value.length === 0) {
    throw new AppError('KEY_INVALID', 'A key part must not be empty.');
  }
  if (LONE_SURROGATE.test(value)) {
    throw new AppError('KEY_INVALID', 'A key part must be well-formed text (it holds half of a character).');
  }
  const encoded = value.replace(FORBIDDEN, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  if (encoded.length > MAX_KEY_PART_LENGTH) {
    throw new AppError('KEY_INVALID', `A key part is longer than ${MAX_KEY_PART_LENGTH} characters after encoding.`);
  }
  return encoded;
}

export function decodeKeyPart(encoded: string): string {
  return encoded.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Joins encoded parts with `|`: `key('c1', 'team a')` → `c1|team a`. */
export function key(...parts: readonly string[]): string {
  return parts.map(encodeKeyPart).join('|');
}

/** Splits a composite key made by {@link key} back into its decoded parts. */
export function splitKey(composite: string): string[] {
  return composite.split('|').map(decodeKeyPart);
}

/**
 * The RowKey range that holds every composite key starting with `prefix` parts: use as
 * `RowKey ge from and RowKey lt to`. `}` sorts right after `|`.
 */
export function prefixRange(...parts: readonly string[]): { from: string; to: string } {
  const base = key(...parts);
  return { from: base + '|', to: base + '}' };
}

/**
 * A time-sortable id: 10 base-36 digits of milliseconds then 8 random hex digits. Lexical order is creation
 * order, which is what RowKeys of logs and inboxes want.
 */
export function newSortableId(now: Date = new Date()): string {
  return now.getTime().toString(36).padStart(10, '0') + randomBytes(4).toString('hex');
}

/** Newest-first order: RowKeys that sort descending by time. */
export function invertedTimeKey(now: Date = new Date()): string {
  const inverted = 9_999_999_999_999 - now.getTime();
  return inverted.toString().padStart(13, '0') + randomBytes(4).toString('hex');
}
