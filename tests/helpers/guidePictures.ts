import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/**
 * The pictures of the guide (docs/handleiding/, issue 18). The e2e run makes them (tests/e2e/tab.e2e.test.ts for the
 * tab, tests/e2e/playground.e2e.test.ts for the bot's cards in the Agents Playground: nl, light theme) and records,
 * per picture, a hash of the source files of the page or card it shows in `pictures.json` beside them.
 * tests/unit/docs/guidePictures.test.ts fails when a picture the guide names is missing, is not made by the e2e run,
 * or was made from other sources than today's (the page changed after the picture was taken). To make them again:
 * `npm run test:e2e` (or only the guide's steps: `npm run test:e2e -- -t guide`).
 */

export const ROOT = join(__dirname, '..', '..');
/** The guide's folder (repository path). */
export const GUIDE_DIR = 'docs/handleiding';
/** Where the pictures and their record live (repository path). */
export const IMG_DIR = `${GUIDE_DIR}/img`;
/** The record: picture file → its sources and their hash. */
export const RECORD_FILE = `${IMG_DIR}/pictures.json`;

/** What a picture shows, and the files (or folders) whose code draws it. */
export interface PictureSpec {
  readonly shows: string;
  readonly sources: readonly string[];
}

/**
 * Every picture the e2e run makes for the guide. A tab page is drawn by its folder under tab/src/pages/; a card by
 * its feature folder under bot/src/features/.
 */
export const GUIDE_PICTURES = {
  'tab-help.png': { shows: 'the tab: Hoe werkt het? (coordinator)', sources: ['tab/src/pages/help'] },
  'tab-team.png': { shows: 'the tab: Mijn team, a team dashboard (manager)', sources: ['tab/src/pages/team'] },
  'tab-org.png': { shows: 'the tab: Organisatie', sources: ['tab/src/pages/org'] },
  'tab-me.png': { shows: 'the tab: Mijn voortgang (employee)', sources: ['tab/src/pages/me'] },
  'tab-programme.png': { shows: 'the tab: Actieprogramma, the kansenkaart', sources: ['tab/src/pages/programme'] },
  'tab-yousaid.png': { shows: 'the tab: Actieprogramma, Jij zei, wij deden', sources: ['tab/src/pages/programme'] },
  'tab-inbox.png': { shows: 'the tab: Prikkels, the coordinator inbox', sources: ['tab/src/pages/inbox'] },
  'tab-admin.png': { shows: 'the tab: Beheer, the campaign', sources: ['tab/src/pages/admin'] },
  'tab-admin-teams.png': { shows: 'the tab: Beheer, teams and managers', sources: ['tab/src/pages/admin'] },
  'tab-report.png': { shows: 'the tab: Rapport', sources: ['tab/src/pages/report'] },
  'bot-checkin.png': { shows: "the bot: the day's challenge card", sources: ['bot/src/features/checkin'] },
  'bot-barrier.png': { shows: 'the bot: the barrier card', sources: ['bot/src/features/reports'] },
  'bot-progress.png': { shows: 'the bot: the progress card', sources: ['bot/src/features/progress'] },
  'bot-mydata.png': { shows: 'the bot: the my-data card', sources: ['bot/src/features/myData'] },
  'bot-help.png': { shows: 'the bot: the help card', sources: ['bot/src/features/help'] },
} as const satisfies Record<string, PictureSpec>;

export type PictureName = keyof typeof GUIDE_PICTURES;

export interface PictureRecord {
  readonly shows: string;
  readonly sources: readonly string[];
  /** `sha256:<hex>` of the sources when the picture was taken ({@link sourceHash}). */
  readonly sourceHash: string;
}

export type PictureRecords = Readonly<Record<string, PictureRecord>>;

/** Every file under a repository path (a file or a folder), as sorted repository paths with `/`. */
function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((e) => filesUnder(root, posix.join(path, e.name)))
    .sort();
}

/**
 * One hash over the sources' files: each file's repository path and content (line endings made `\n`, so a
 * checkout on Windows hashes the same). A missing source hashes as empty, so it differs from any recorded one.
 */
export function sourceHash(sources: readonly string[], root = ROOT): string {
  const hash = createHash('sha256');
  const files = [...new Set(sources.flatMap((s) => filesUnder(root, s)))].sort();
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

export function readRecords(root = ROOT): PictureRecords {
  const file = join(root, RECORD_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PictureRecords) : {};
}

/** The full path a picture is written to. */
export function picturePath(name: PictureName, root = ROOT): string {
  return join(root, IMG_DIR, name);
}

/** Records that `name` was just taken from today's sources (read, add, write back sorted: stable diffs). */
export function recordPicture(name: PictureName, root = ROOT): void {
  const spec: PictureSpec = GUIDE_PICTURES[name];
  const records: Record<string, PictureRecord> = { ...readRecords(root), [name]: { shows: spec.shows, sources: spec.sources, sourceHash: sourceHash(spec.sources, root) } };
  const sorted = Object.fromEntries(Object.keys(records).sort().map((k) => [k, records[k]]));
  writeFileSync(join(root, RECORD_FILE), JSON.stringify(sorted, null, 2) + '\n');
}

/** Image links of a Markdown text: `![alt](target)` targets, in order (a title after the target is left out). */
export function imageLinks(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
}

/** Every Markdown file of the guide, as repository paths. */
export function guideMarkdown(root = ROOT): string[] {
  return filesUnder(root, GUIDE_DIR).filter((f) => f.endsWith('.md'));
}

/** A picture a guide page names: the page, the link as written, and the repository path it points at. */
export interface NamedPicture {
  readonly page: string;
  readonly link: string;
  readonly path: string;
}

/** The pictures the guide names (links to other places, e.g. `https:`, are not pictures of ours and are left out). */
export function namedPictures(root = ROOT): NamedPicture[] {
  return guideMarkdown(root).flatMap((page) =>
    imageLinks(readFileSync(join(root, page), 'utf8'))
      .filter((link) => !/^[a-z]+:/i.test(link))
      .map((link) => ({ page, link, path: posix.normalize(posix.join(posix.dirname(page), link)) })),
  );
}

/** Width and height of a PNG, from its IHDR chunk; `undefined` when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Largest picture the guide takes: a desktop viewport (1280 × 800) at most, a card a little taller. */
export const MAX_PICTURE = { width: 1280, height: 1600, bytes: 600_000 } as const;

/**
 * What is wrong with the guide's pictures: for each picture a page names, whether the e2e run makes it, whether it
 * exists and is a small PNG, and whether its recorded sources are today's. Repository paths in the messages.
 */
export function pictureProblems(root = ROOT): string[] {
  const records = readRecords(root);
  const problems: string[] = [];
  for (const { page, link, path } of namedPictures(root)) {
    const where = `${page}: ${link}`;
    const name = relative(join(root, IMG_DIR), join(root, path)).replace(/\\/g, '/');
    if (!(name in GUIDE_PICTURES) || path !== `${IMG_DIR}/${name}`) {
      problems.push(`${where}: not a picture the e2e run makes (tests/helpers/guidePictures.ts GUIDE_PICTURES)`);
      continue;
    }
    const spec: PictureSpec = GUIDE_PICTURES[name as PictureName];
    const full = join(root, path);
    if (!existsSync(full)) {
      problems.push(`${where}: missing; run npm run test:e2e`);
      continue;
    }
    const bytes = readFileSync(full);
    const size = pngSize(bytes);
    if (size === undefined) problems.push(`${where}: not a PNG`);
    else if (size.width > MAX_PICTURE.width || size.height > MAX_PICTURE.height || bytes.length > MAX_PICTURE.bytes) {
      problems.push(`${where}: too big (${size.width} × ${size.height} px, ${bytes.length} bytes)`);
    }
    const record = records[name];
    if (record === undefined) {
      problems.push(`${where}: not recorded in ${RECORD_FILE}; run npm run test:e2e`);
    } else if (record.sources.join('|') !== spec.sources.join('|')) {
      problems.push(`${where}: recorded from ${record.sources.join(', ')}, but it shows ${spec.sources.join(', ')}; run npm run test:e2e`);
    } else if (record.sourceHash !== sourceHash(spec.sources, root)) {
      problems.push(`${where}: older than the page it shows (${spec.sources.join(', ')} changed since); run npm run test:e2e`);
    }
  }
  return problems;
}
