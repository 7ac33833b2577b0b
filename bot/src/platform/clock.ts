/**
 * The app's clock: real time, or — when `devClockStart` is set (DEV_CLOCK, which the config refuses in production) —
 * real time shifted so that it started at that instant and runs on from there.
 */
export function clockOf(settings: { readonly devClockStart: Date | undefined }, realNow: () => number = Date.now): () => Date {
  const start = settings.devClockStart;
  if (start === undefined) return () => new Date(realNow());
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}
