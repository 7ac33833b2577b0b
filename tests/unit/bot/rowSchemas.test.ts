import { z } from 'zod';
import { validateInput } from '@soestainable/bot/storage/repositories/rowSchemas';

describe('validateInput', () => {
  const schema = z.object({ email: z.string().max(5), age: z.number().int(), nested: z.object({ code: z.enum(['a', 'b']) }) });

  it('returns the parsed value', () => {
    expect(validateInput(schema, { email: 'a@b', age: 3, nested: { code: 'a' }, extra: 1 }, 'person')).toEqual({
      email: 'a@b',
      age: 3,
      nested: { code: 'a' },
    });
  });

  it('names every failing field with its rule, never the values given', () => {
    const secret = 'jan.jansen@soest.nl';
    const err: unknown = (() => {
      try {
        return validateInput(schema, { email: secret, age: 41.5, nested: { code: 'geheim-42' } }, 'person');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    const message = (err as Error).message;
    expect(message).toMatch(/^person: invalid email \(.+\), age \(.+\), nested\.code \(.+\)\.$/);
    for (const value of [secret, '41.5', 'geheim-42']) expect(message).not.toContain(value);
  });
});
