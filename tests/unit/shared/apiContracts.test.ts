import {
  checkInBodySchema,
  deleteMeBodySchema,
  devSessionRequestSchema,
  idSchema,
  isApiErrorBody,
  isoDateParamSchema,
  settingsBodySchema,
} from '@soestainable/shared/api';

/** The tab API's contracts: the error codes the tab translates, and the body schemas both sides use. */
describe('shared/src/api contracts', () => {
  it('recognises a coded error body, and nothing else', () => {
    expect(isApiErrorBody({ code: 'STALE', message: 'reload' })).toBe(true);
    expect(isApiErrorBody({ code: 'STALE', message: 'reload', details: { current: null } })).toBe(true);
    expect(isApiErrorBody({ code: 'ResourceNotFound', message: 'x' })).toBe(false);
    expect(isApiErrorBody({ code: 'STALE' })).toBe(false);
    expect(isApiErrorBody('STALE')).toBe(false);
  });

  it('takes ids without separators or control characters, up to 200 characters', () => {
    expect(idSchema.safeParse('publiekszaken').success).toBe(true);
    expect(idSchema.safeParse('6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10').success).toBe(true);
    for (const bad of ['', 'a/b', 'a\\b', 'a#b', 'a?b', 'a\u0000b', 'x'.repeat(201)]) expect(idSchema.safeParse(bad).success).toBe(false);
  });

  it('takes calendar dates only', () => {
    expect(isoDateParamSchema.safeParse('2026-12-02').success).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-12-2', 'today']) expect(isoDateParamSchema.safeParse(bad).success).toBe(false);
  });

  describe('check-in body', () => {
    const valid = { outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true, challenge: true };
    it('accepts a first check-in and a correction with its version', () => {
      expect(checkInBodySchema.safeParse(valid).success).toBe(true);
      expect(checkInBodySchema.safeParse({ ...valid, challenge: 3, etag: 'W/"x"', barrierText: 'b', barrierContact: true, theme: 'mvoi' }).success).toBe(true);
      expect(checkInBodySchema.safeParse({ ...valid, etag: null }).success).toBe(true);
    });
    it('refuses unknown fields, unknown values, strings for booleans, too many cups', () => {
      for (const bad of [
        { ...valid, userId: 'x' },
        { ...valid, travelMode: 'raket' },
        { ...valid, wasteFree: 'true' },
        { ...valid, challenge: 51 },
        { ...valid, challenge: 1.5 },
        { ...valid, theme: 'water' },
        { ...valid, etag: '' },
        { outcome: 'done' },
      ]) {
        expect(checkInBodySchema.safeParse(bad).success).toBe(false);
      }
    });
  });

  it('settings need at least one known field, a HH:mm time and a known language', () => {
    expect(settingsBodySchema.safeParse({ paused: true }).success).toBe(true);
    expect(settingsBodySchema.safeParse({ nudgeTime: '08:30', language: 'en' }).success).toBe(true);
    for (const bad of [{}, { nudgeTime: '25:99' }, { nudgeTime: '8:30' }, { language: 'de' }, { status: 'paused' }]) {
      expect(settingsBodySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('deleting needs confirm: true, literally', () => {
    expect(deleteMeBodySchema.safeParse({ confirm: true }).success).toBe(true);
    for (const bad of [{}, { confirm: 'true' }, { confirm: 1 }, { confirm: true, also: 1 }]) expect(deleteMeBodySchema.safeParse(bad).success).toBe(false);
  });

  it('the dev sign-in takes a user id and one of the three roles', () => {
    expect(devSessionRequestSchema.safeParse({ userId: 'demo-coordinator', role: 'coordinator' }).success).toBe(true);
    for (const bad of [{ userId: 'x', role: 'admin' }, { role: 'employee' }, { userId: 'a/b', role: 'employee' }]) {
      expect(devSessionRequestSchema.safeParse(bad).success).toBe(false);
    }
  });
});
