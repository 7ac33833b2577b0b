import fc from 'fast-check';
import { cleanText } from '@soestainable/shared/text';
import { HIDDEN_CHARS, HIDDEN_CODE_POINTS, hiddenCharsIn, RLO_FILE_NAME, sprinkled } from '../../helpers/hiddenChars';

describe('cleanText', () => {
  it('removes every control and bidi character, one by one', () => {
    for (const cp of HIDDEN_CODE_POINTS) {
      const ch = String.fromCodePoint(cp);
      expect(cleanText(`a${ch}b`)).toBe(cp === 0x0d ? 'a\nb' : 'ab');
    }
  });

  it('turns a right-to-left override back into what the file is called', () => {
    expect(cleanText(RLO_FILE_NAME)).toBe('factuurtxt.exe');
  });

  it('keeps line breaks (also Windows and old Mac ones, as \\n), tabs, accents, emoji with joiners, non-breaking spaces', () => {
    expect(cleanText('een\r\ntwee\rdrie\nvier\tvijf')).toBe('een\ntwee\ndrie\nvier\tvijf');
    const kept = 'coördinator één 👩‍💻 🚲 10\u00a0km «quote» עברית العربية';
    expect(cleanText(kept)).toBe(kept);
  });

  it('leaves a text with all of them sprinkled through it exactly as typed, without them', () => {
    expect(cleanText(sprinkled('De kantine heeft alleen plastic bekers'))).toBe('De kantine heeft alleen plastic bekers\n');
    expect(hiddenCharsIn(cleanText(HIDDEN_CHARS))).toEqual([]);
  });

  it('never leaves one behind, removes nothing else, and is idempotent (property)', () => {
    const anyChar = fc.oneof(fc.constantFrom(...HIDDEN_CHARS), fc.string({ unit: 'grapheme', maxLength: 1 }), fc.string({ unit: 'binary', maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const clean = cleanText(text);
        expect(hiddenCharsIn(clean)).toEqual([]);
        expect(cleanText(clean)).toBe(clean);
        const expected = [...text.replace(/\r\n?/g, '\n')].filter((c) => !HIDDEN_CODE_POINTS.includes(c.codePointAt(0) ?? 0)).join('');
        expect(clean).toBe(expected);
      }),
    );
  });
});
