/**
 * Preloaded into the server under load (`NODE_OPTIONS=--require …/memoryProbe.js`, see ./server.ts): reports the
 * process's V8 heap every 250 ms over the IPC channel its parent opened. It never keeps the process alive and
 * does nothing in a process without a parent channel. With `LOAD_BENCH_CPU_PROFILE=<file>` it also records a V8
 * CPU profile (`--cpu-prof` is not allowed in NODE_OPTIONS) and writes it when the process exits.
 * Not part of the app: only the load bench loads it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { HeapReport } from './heapReport';

const EVERY_MS = 250;

if (typeof process.send === 'function') {
  const timer = setInterval(() => {
    if (!process.connected || process.send === undefined) return;
    const { heapUsed, heapTotal, rss } = process.memoryUsage();
    const report: HeapReport = { kind: 'load-bench-heap', heapUsed, heapTotal, rss };
    // A callback, so that a channel closing meanwhile is an ignored error, never an 'error' event.
    process.send(report, undefined, {}, () => undefined);
  }, EVERY_MS);
  timer.unref();
}

const profileFile = process.env['LOAD_BENCH_CPU_PROFILE'];
if (profileFile !== undefined && profileFile !== '') {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // The main thread's session answers synchronously, so the profile is written even from the exit handler.
  process.on('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (err === null) writeFileSync(profileFile, JSON.stringify(result.profile));
    });
  });
}
