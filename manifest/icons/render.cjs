#!/usr/bin/env node
// Renders the app icons from their SVG sources (`npm run icons`):
//   manifest/icons/color.svg   → manifest/color.png    192×192, full colour
//   manifest/icons/outline.svg → manifest/outline.png  32×32, white on transparent
// with Debian's headless Chromium through playwright-core (never a downloaded browser; CHROMIUM_PATH overrides
// the path). The PNGs are committed: packaging never needs a browser. Re-run this after editing an SVG.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');

const here = __dirname;
const manifestDir = join(here, '..');
const executablePath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';

const ICONS = [
  { source: 'color.svg', target: 'color.png', size: 192, outline: false },
  { source: 'outline.svg', target: 'outline.png', size: 32, outline: true },
];

/**
 * Teams wants the outline icon white with a transparent background. Chromium anti-aliases edges into partly
 * transparent white already; this pins every pixel's colour to pure white and keeps only its alpha, so that no
 * off-white fringe can remain.
 */
function whiteOnTransparent(png) {
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3] === 0) {
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
    } else {
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
    }
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const icon of ICONS) {
      const svg = readFileSync(join(here, icon.source), 'utf8');
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`);
      const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      await page.close();
      const png = PNG.sync.read(shot);
      if (png.width !== icon.size || png.height !== icon.size) {
        throw new Error(`${icon.source} rendered at ${png.width}×${png.height}, expected ${icon.size}×${icon.size}`);
      }
      if (icon.outline) whiteOnTransparent(png);
      const out = PNG.sync.write(png, { colorType: icon.outline ? 6 : 2 });
      writeFileSync(join(manifestDir, icon.target), out);
      process.stdout.write(`manifest/${icon.target}: ${icon.size}×${icon.size}, ${out.length} bytes\n`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  process.stderr.write(`Icon rendering failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
