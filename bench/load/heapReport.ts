/** What the memory probe in the server process sends over its IPC channel. */
export interface HeapReport {
  readonly kind: 'load-bench-heap';
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly rss: number;
}

export function isHeapReport(message: unknown): message is HeapReport {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'load-bench-heap' && typeof (message as { heapUsed?: unknown }).heapUsed === 'number';
}
