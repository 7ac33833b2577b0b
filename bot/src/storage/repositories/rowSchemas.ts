import { z } from 'zod';
import { isIsoDate } from '@soestainable/shared/calendar/isoDate';
import { parseLocalTime } from '@soestainable/shared/calendar/time';
import { AppError } from '../../errors';
import { MAX_KEY_PART_LENGTH } from '../keys';

/** Zod pieces the repositories share for validating domain objects before a write and rows after a read. */

/** A real calendar date as `YYYY-MM-DD` (so not `2026-02-30`), the form every stored date takes (sorts as a string). */
export const isoDateSchema = z.string().refine(isIsoDate, { error: 'expected a real date as YYYY-MM-DD' });

/** `HH:mm`, 24-hour wall-clock time. */
export const localTimeSchema = z.string().refine((s) => parseLocalTime(s) !== undefined, { error: 'expected HH:mm' });

/** A text in both languages; neither may be empty. */
export const localizedSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) });

export const nonEmpty = z.string().min(1);

/** Largest JSON payload we put in one string property: half of the 64 KiB Table Storage allows. */
export const MAX_JSON_BYTES = 32 * 1024;

/** An id a caller hands in (user, team, campaign, organisation): it becomes a key part, so it must fit one. */
export const idSchema = z.string().min(1).max(MAX_KEY_PART_LENGTH);

/** Length in characters as people count them (code points, so an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * Checks input or a domain object before it is written, so that nothing is stored that the read side would
 * reject. Returns the parsed value (unknown keys stripped, transforms applied). Throws VALIDATION_FAILED naming
 * every field that failed with the schema's reason, never the values given: they can be personal. (Reasons come
 * from the schemas, which describe the rule, never the input; keep it that way when writing a custom message.)
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || '(input)';
      if (!problems.has(field)) problems.set(field, issue.message);
    }
    const list = [...problems].map(([field, reason]) => `${field} (${reason})`).join(', ');
    throw new AppError('VALIDATION_FAILED', `${what}: invalid ${list}.`);
  }
  return parsed.data;
}

/** JSON text of a value for a string property; VALIDATION_FAILED if it cannot be serialised or exceeds `maxBytes`. */
export function toJsonProperty(value: unknown, what: string, maxBytes = MAX_JSON_BYTES): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `${what} cannot be serialised as JSON.`, { cause: err });
  }
  if (text === undefined) throw new AppError('VALIDATION_FAILED', `${what} is not a JSON value.`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new AppError('VALIDATION_FAILED', `${what} is ${bytes} bytes as JSON; at most ${maxBytes} are stored.`);
  }
  return text;
}
