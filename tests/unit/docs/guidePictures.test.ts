import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GUIDE_PICTURES, imageLinks, namedPictures, pictureProblems, recordPicture, RECORD_FILE } from '../../helpers/guidePictures';

/**
 * The guide's pictures stay current (issue 18): every picture docs/handleiding/ names is one the e2e run makes,
 * exists, is a reasonably small PNG, and was taken from the sources of the page or card it shows as they are
 * now. When this fails after a change to a page: `npm run test:e2e` makes the pictures again (the tab's and the
 * Playground's guide steps), then commit docs/handleiding/img/.
 */

describe('the guide\'s pictures', () => {
  it('the guide names pictures (the parser sees them)', () => {
    expect(namedPictures().length).toBeGreaterThanOrEqual(10);
  });

  it('every picture the guide names exists, comes from the e2e run and is not older than the page it shows', () => {
    expect(pictureProblems()).toEqual([]);
  });

  it('every picture the e2e run makes for the guide is named by it, in Dutch and in English', () => {
    const named = new Set(namedPictures().map((p) => `${p.page.split('/')[2] ?? ''}|${p.path.split('/').pop() ?? ''}`));
    const unnamed = Object.keys(GUIDE_PICTURES).flatMap((name) => ['nl', 'en'].filter((lang) => !named.has(`${lang}|${name}`)).map((lang) => `${lang}: ${name}`));
    expect(unnamed).toEqual([]);
  });
});

describe('the picture checker itself', () => {
  /** A PNG's first bytes (signature and IHDR): all the checker reads of one. */
  const png = (width: number, height: number): Buffer => {
    const bytes = Buffer.alloc(33);
    Buffer.from('89504e470d0a1a0a', 'hex').copy(bytes, 0);
    bytes.writeUInt32BE(13, 8);
    bytes.write('IHDR', 12, 'latin1');
    bytes.writeUInt32BE(width, 16);
    bytes.writeUInt32BE(height, 20);
    return bytes;
  };
  let root = '';
  const write = (path: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'guide-pictures-'));
    write('tab/src/pages/help/index.tsx', 'export default 1;\n');
    write('tab/src/pages/help/texts.ts', 'export const t = 1;\n');
    write('docs/handleiding/nl/medewerker.md', '# Medewerker\n\n![Hoe werkt het?](../img/tab-help.png "de pagina")\n\n![logo](https://example.org/x.png)\n');
    write('docs/handleiding/img/tab-help.png', png(1280, 800));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads image links with and without a title, and leaves other links out', () => {
    expect(imageLinks('a ![x](img/a.png) b ![y](<img/b.png>) [z](img/c.png) ![w](img/d.png "t")')).toEqual(['img/a.png', 'img/b.png', 'img/d.png']);
    expect(namedPictures(root).map((p) => p.path)).toEqual(['docs/handleiding/img/tab-help.png']);
  });

  it('passes a picture recorded from today\'s sources', () => {
    recordPicture('tab-help.png', root);
    expect(pictureProblems(root)).toEqual([]);
  });

  it('finds a picture older than its page: a source file changed, added or removed after it was taken', () => {
    recordPicture('tab-help.png', root);
    write('tab/src/pages/help/texts.ts', 'export const t = 2;\n');
    expect(pictureProblems(root)).toEqual([expect.stringContaining('older than the page it shows (tab/src/pages/help changed since)')]);
    recordPicture('tab-help.png', root);
    write('tab/src/pages/help/Part.tsx', 'export const p = 1;\n');
    expect(pictureProblems(root)).toHaveLength(1);
    recordPicture('tab-help.png', root);
    unlinkSync(join(root, 'tab/src/pages/help/Part.tsx'));
    expect(pictureProblems(root)).toHaveLength(1);
  });

  it('finds a missing picture, one without a record, one the e2e run does not make, and one too big', () => {
    expect(pictureProblems(root)).toEqual([`docs/handleiding/nl/medewerker.md: ../img/tab-help.png: not recorded in ${RECORD_FILE}; run npm run test:e2e`]);
    recordPicture('tab-help.png', root);
    unlinkSync(join(root, 'docs/handleiding/img/tab-help.png'));
    expect(pictureProblems(root)).toEqual(['docs/handleiding/nl/medewerker.md: ../img/tab-help.png: missing; run npm run test:e2e']);
    write('docs/handleiding/img/tab-help.png', png(1280, 5000));
    expect(pictureProblems(root)).toEqual(['docs/handleiding/nl/medewerker.md: ../img/tab-help.png: too big (1280 × 5000 px, 33 bytes)']);
    write('docs/handleiding/img/tab-help.png', 'not a png');
    expect(pictureProblems(root)).toEqual(['docs/handleiding/nl/medewerker.md: ../img/tab-help.png: not a PNG']);
    write('docs/handleiding/en/employee.md', '![hand-made](../img/drawn-by-hand.png) ![elsewhere](../../plaatje.png)');
    write('docs/handleiding/img/tab-help.png', png(1280, 800));
    expect(pictureProblems(root)).toEqual([
      'docs/handleiding/en/employee.md: ../img/drawn-by-hand.png: not a picture the e2e run makes (tests/helpers/guidePictures.ts GUIDE_PICTURES)',
      'docs/handleiding/en/employee.md: ../../plaatje.png: not a picture the e2e run makes (tests/helpers/guidePictures.ts GUIDE_PICTURES)',
    ]);
  });
});
