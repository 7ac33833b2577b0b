import { decodeKeyPart, encodeKeyPart, key, newSortableId, invertedTimeKey, prefixRange, splitKey } from '@soestainable/bot/storage/keys';
import { AppError } from '@soestainable/bot/errors';

describe('key encoding', () => {
  it.each(['/', '\\', '#', '?', '\u0000', '\u001f', '\u007f', '\u0085', '|'])('never lets %j through raw', (ch) => {
    const encoded = encodeKeyPart(`a${ch}b`);
    expect(encoded).not.toContain(ch);
    expect(decodeKeyPart(encoded)).toBe(`a${ch}b`);
  });

  it('escapes the escape character itself, so decoding is exact', () => {
    expect(encodeKeyPart('a%2Fb')).toBe('a%252Fb');
    expect(decodeKeyPart(encodeKeyPart('a%2Fb'))).toBe('a%2Fb');
  });

  it('leaves ordinary text (accents included) alone', () => {
    expect(encodeKeyPart('Publiekszaken-é 2026')).toBe('Publiekszaken-é 2026');
  });

  it('is reversible for composite keys', () => {
    const parts = ['camp|1', '2026-12-07', 'a/b%'];
    expect(splitKey(key(...parts))).toEqual(parts);
  });

  it('rejects empty and over-long parts with KEY_INVALID', () => {
    expect(() => encodeKeyPart('')).toThrow(AppError);
    expect(() => encodeKeyPart('x'.repeat(300))).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
  });

  it('rejects a lone surrogate (text no URL or storage request can carry) with KEY_INVALID, not a storage failure', () => {
    for (const bad of ['\ud800', 'a\udfffb', 'x\ud83d']) {
      expect(() => encodeKeyPart(bad)).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
    }
    expect(encodeKeyPart('😀')).toBe('😀');
  });

  it('gives a prefix range that contains the prefix and nothing beyond', () => {
    const { from, to } = prefixRange('team1');
    expect(key('team1', '2026-12-07') >= from && key('team1', '2026-12-07') < to).toBe(true);
    expect(key('team10', '2026-12-07') >= from && key('team10', '2026-12-07') < to).toBe(false);
  });

  it('orders sortable ids by time and inverted keys newest first', () => {
    const a = new Date('2026-01-01T00:00:00Z');
    const b = new Date('2026-01-01T00:00:01Z');
    expect(newSortableId(a) < newSortableId(b)).toBe(true);
    expect(invertedTimeKey(a) > invertedTimeKey(b)).toBe(true);
  });
});
