import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatHottest, hottest, locate, startProfile, type CpuProfile } from '@soestainable/testing/cpuProfile';

const root = join(__dirname, '..', '..', '..');
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('the self-time report of `npm run profile:checkin`', () => {
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 100_000, // 100 ms in µs
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('parse', 'node:internal/json', 9) },
      { id: 3, callFrame: frame('handle', 'node:internal/x', 4) },
      { id: 4, callFrame: frame('(garbage collector)') },
      { id: 5, callFrame: frame('parse', 'node:internal/json', 9) }, // the same function reached by another path
    ],
    samples: [2, 2, 3, 4, 5, 2, 3, 2, 5, 1],
  };

  it('sums self time per function over every call path, largest first, and keeps V8 buckets apart', () => {
    const result = hottest(profile, root);
    expect(result.top.map((f) => [f.name, f.where, Math.round(f.selfMs)])).toEqual([
      ['parse', 'node:internal/json:10', 60],
      ['handle', 'node:internal/x:5', 20],
    ]);
    expect(result.buckets.map((b) => b.name).sort()).toEqual(['(garbage collector)', '(root)']);
    expect(formatHottest(result)).toMatch(/^100 ms profiled;.*\n 1\. {2}60\.0 % +60 ms {2}parse {2}node:internal\/json:10\n 2\./);
  });

  it('maps a position in the build back to the TypeScript line through the source map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpuprofile-'));
    const js = join(dir, 'built.js');
    writeFileSync(js, 'a;\nb;\n');
    // Two mappings: generated line 1 → source line 1, generated line 2 → source line 7 ("AAMA": +6 lines).
    writeFileSync(`${js}.map`, JSON.stringify({ version: 3, file: 'built.js', sources: [join(root, 'src', 'original.ts')], names: [], mappings: 'AAAA;AAMA' }));
    expect(locate({ functionName: 'f', url: pathToFileURL(js).href, lineNumber: 1, columnNumber: 0 }, root)).toBe('src/original.ts:7');
    expect(locate({ functionName: 'g', url: '', lineNumber: 0, columnNumber: 0 }, root)).toBe('(native)');
  });

  it('profiles real work in this process', async () => {
    const stop = await startProfile(100);
    const busyUntil = Date.now() + 150;
    let x = 0;
    while (Date.now() < busyUntil) x += Math.sqrt(x + 1);
    const result = hottest(await stop(), root);
    expect(x).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThan(100);
    expect(result.top.length).toBeGreaterThan(0);
  });
});
