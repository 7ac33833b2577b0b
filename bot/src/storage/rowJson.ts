import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * Parses a JSON string property of a stored row against a schema. A row that does not parse is data we cannot
 * trust: it raises STORAGE_DATA_INVALID naming the table and row, instead of leaking a SyntaxError.
 */
export function parseRowJson<S extends z.ZodType>(schema: S, text: unknown, where: string): z.infer<S> {
  let value: unknown;
  try {
    value = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse.`);
  return parsed.data;
}

/** Checks the plain (non-JSON) properties of a stored row against a schema. */
export function parseRow<S extends z.ZodType>(schema: S, row: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse.`);
  return parsed.data;
}
