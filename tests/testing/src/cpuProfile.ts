/**
 * A V8 CPU profile of one stretch of a benchmark (the inspector's Profiler domain, in process), and the functions
 * with the most self time in it, mapped back to the TypeScript source through the build's source maps. Used by
 * `npm run profile:checkin` so that whoever speeds up the check-in starts from data, not from guesses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap, type SourceMapping } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly hitCount?: number;
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

export interface HotFunction {
  readonly name: string;
  /** file:line, relative to the repository, in the TypeScript source where a source map says so. */
  readonly where: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Starts the profiler (sampling every `intervalUs` µs); the returned function stops it and gives the profile. */
export async function startProfile(intervalUs = 250): Promise<() => Promise<CpuProfile>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    return profile;
  };
}

/** V8's own buckets: time spent outside any JavaScript function. */
const PSEUDO = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : undefined);
  }
  return maps.get(file);
}

/** Where a frame is, as `file:line` (1-based), mapped to the TypeScript source of our own build. */
export function locate(frame: CallFrame, root: string): string {
  if (frame.url === '') return '(native)';
  if (!frame.url.startsWith('file://')) return `${frame.url}:${frame.lineNumber + 1}`;
  const file = fileURLToPath(frame.url);
  const found = file.includes('node_modules') ? undefined : sourceMapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  const entry = found !== undefined && 'originalSource' in found ? (found as SourceMapping) : undefined;
  if (entry !== undefined) {
    const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    return `${relative(root, source)}:${entry.originalLine + 1}`;
  }
  return `${relative(root, file)}:${frame.lineNumber + 1}`;
}

/** Self time per function (summed over every place V8 saw it), the `count` largest first; plus V8's buckets. */
export function hottest(profile: CpuProfile, root: string, count = 10): { top: HotFunction[]; buckets: HotFunction[]; totalMs: number } {
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const sampleCount = profile.samples?.length ?? 0;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = sampleCount > 0 ? totalMs / sampleCount : 0;
  const byFunction = new Map<string, { name: string; where: string; samples: number }>();
  for (const node of profile.nodes) {
    const samples = hits.get(node.id) ?? node.hitCount ?? 0;
    if (samples === 0) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const where = PSEUDO.has(name) ? '' : locate(node.callFrame, root);
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, samples: 0 };
    entry.samples += samples;
    byFunction.set(key, entry);
  }
  const all = [...byFunction.values()]
    .map((f) => ({ name: f.name, where: f.where, selfMs: f.samples * msPerSample, share: sampleCount > 0 ? f.samples / sampleCount : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { top: all.filter((f) => !PSEUDO.has(f.name)).slice(0, count), buckets: all.filter((f) => PSEUDO.has(f.name)), totalMs };
}

/** The report as printed by the benches: one line per function, share first. */
export function formatHottest(result: ReturnType<typeof hottest>): string {
  const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
  const lines = result.top.map((f, i) => `${String(i + 1).padStart(2)}. ${pct(f.share)}  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`);
  const buckets = result.buckets.map((b) => `${b.name} ${pct(b.share).trim()}`).join(', ');
  return [`${result.totalMs.toFixed(0)} ms profiled; outside JavaScript: ${buckets || 'none'}`, ...lines].join('\n');
}
