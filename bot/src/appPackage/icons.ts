import { PNG } from 'pngjs';

/**
 * The two icons every Teams app package needs (Microsoft Learn, "Teams app icons"): a full-colour 192×192 PNG,
 * and a 32×32 PNG outline that is white on a transparent background.
 */
export const ICON_RULES = {
  color: { width: 192, height: 192 },
  outline: { width: 32, height: 32 },
} as const;
export type IconKind = keyof typeof ICON_RULES;

/** Anti-aliased edges of a white glyph stay white; anything darker than this in a visible pixel is not white. */
const WHITE_MIN = 0xf0;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface IconFacts {
  readonly width: number;
  readonly height: number;
  readonly hasAlpha: boolean;
  /** Pixels with alpha 0. */
  readonly transparent: number;
  /** Pixels with alpha ≥ 128. */
  readonly visible: number;
  /** Pixels with alpha > 0 whose colour is not (near) white. */
  readonly nonWhiteVisible: number;
  readonly cornersTransparent: boolean;
}

/** Decodes a PNG and measures what the icon rules look at; `undefined` if the bytes are not a PNG. */
export function inspectPng(bytes: Buffer): IconFacts | undefined {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return undefined;
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    return undefined; // a broken PNG is reported as "not a PNG" by the caller; pngjs' message adds nothing for an operator
  }
  const { width, height, data } = png;
  let transparent = 0;
  let visible = 0;
  let nonWhiteVisible = 0;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3] ?? 0;
    if (a === 0) transparent++;
    if (a >= 128) visible++;
    if (a > 0 && ((data[i] ?? 0) < WHITE_MIN || (data[i + 1] ?? 0) < WHITE_MIN || (data[i + 2] ?? 0) < WHITE_MIN)) nonWhiteVisible++;
  }
  const alphaAt = (x: number, y: number) => data[(y * width + x) * 4 + 3] ?? 0;
  const cornersTransparent = [alphaAt(0, 0), alphaAt(width - 1, 0), alphaAt(0, height - 1), alphaAt(width - 1, height - 1)].every((a) => a === 0);
  return { width, height, hasAlpha: png.alpha, transparent, visible, nonWhiteVisible, cornersTransparent };
}

/** What is wrong with an icon, as sentences naming the file; empty when it is fine. */
export function checkIcon(bytes: Buffer, kind: IconKind, fileName: string): string[] {
  const rule = ICON_RULES[kind];
  const facts = inspectPng(bytes);
  if (!facts) return [`${fileName} is not a PNG image (the ${kind} icon must be a ${rule.width}×${rule.height} PNG)`];
  const problems: string[] = [];
  if (facts.width !== rule.width || facts.height !== rule.height) {
    problems.push(`${fileName} is ${facts.width}×${facts.height} pixels; the ${kind} icon must be ${rule.width}×${rule.height}`);
  }
  const pixels = facts.width * facts.height;
  if (facts.visible === 0) problems.push(`${fileName} is empty: no visible pixel`);
  if (kind === 'outline') {
    if (!facts.hasAlpha || !facts.cornersTransparent) {
      problems.push(`${fileName} has no transparent background; the outline icon must be white on transparent`);
    }
    if (facts.nonWhiteVisible > 0) {
      problems.push(`${fileName} has ${facts.nonWhiteVisible} visible pixel(s) that are not white; the outline icon must be white on transparent`);
    }
  } else if (facts.transparent > pixels / 2) {
    problems.push(`${fileName} is mostly transparent; the color icon is a full-colour image (a white outline belongs in the outline icon)`);
  }
  return problems;
}
