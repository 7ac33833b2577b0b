/**
 * The app's clock: real time, or — when `devClockStart` is set (DEV_CLOCK, which the config refuses in production) —
 * real time shifted so that it started at that instant and runs on from there.
 */
export function clockOf(settings: { readonly devClockStart: Date | undefined }, realNow: () => number = Date.now): () => Date {
  const start = settings.devClockStart;
  if (start === undefined) return () => new Date(realNow());
  return new DevClock(start, realNow).now;
}

/**
 * The shifted clock of a local stack (DEV_CLOCK): runs on from `start` at real speed, and can be moved to another
 * instant (`POST /api/dev/clock`), so a developer or the e2e story can see what happens weeks later (a follow-up
 * wave) without editing dates. Never made in production: the config refuses DEV_CLOCK there.
 */
export class DevClock {
  private offset: number;

  constructor(
    start: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offset = start.getTime() - realNow();
  }

  /** Now, on this clock. */
  readonly now = (): Date => new Date(this.realNow() + this.offset);

  /** From here on the clock runs from `at`. */
  moveTo(at: Date): void {
    this.offset = at.getTime() - this.realNow();
  }
}
