import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * A throw-away copy of what `npm run package` reads (manifest/ without build/, infra/env/), so that a test can
 * break one thing and build the real package from it without touching the checkout.
 */
export class PackageFixture {
  readonly root: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'soest-package-'));
    cpSync(join(REPO_ROOT, 'manifest'), join(this.root, 'manifest'), {
      recursive: true,
      filter: (src) => !src.includes(`${join('manifest', 'build')}`),
    });
    cpSync(join(REPO_ROOT, 'infra', 'env'), join(this.root, 'infra', 'env'), { recursive: true });
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, content: string | Buffer): void {
    writeFileSync(this.path(rel), content);
  }

  /** Changes one JSON file through a function. */
  editJson(rel: string, edit: (json: Record<string, unknown>) => void): void {
    const json = JSON.parse(this.read(rel)) as Record<string, unknown>;
    edit(json);
    this.write(rel, JSON.stringify(json, null, 2));
  }

  /** Sets (or with `undefined` removes) one variable of an env file. */
  setEnv(env: string, name: string, value: string | undefined): void {
    const rel = `infra/env/.env.${env}`;
    const lines = this.read(rel)
      .split('\n')
      .filter((l) => !l.startsWith(`${name}=`));
    if (value !== undefined) lines.push(`${name}=${value}`);
    this.write(rel, lines.join('\n'));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A PNG of the given size filled with one RGBA colour. */
export function solidPng(width: number, height: number, rgba: readonly [number, number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = rgba[0];
    png.data[i + 1] = rgba[1];
    png.data[i + 2] = rgba[2];
    png.data[i + 3] = rgba[3];
  }
  return PNG.sync.write(png);
}
