/**
 * The time a learner actually spent in this launch, for SCORM's session time and xAPI's
 * durations: the clock runs while the page is visible and stops while it is hidden (a tab
 * left in the background over lunch is not time spent), and it starts at every launch, so
 * a resumed attempt reports that session's own time, not the time since the attempt began.
 */
export class VisibleClock {
  private spent = 0;
  private since: number | null;

  constructor(
    private readonly now: () => number = () => performance.now(),
    visible = true,
  ) {
    this.since = visible ? now() : null;
  }

  /** The page was hidden: stop counting. */
  pause(): void {
    if (this.since === null) return;
    this.spent += Math.max(0, this.now() - this.since);
    this.since = null;
  }

  /** The page is visible again. */
  resume(): void {
    if (this.since === null) this.since = this.now();
  }

  /** Milliseconds spent so far in this launch. */
  elapsed(): number {
    return this.spent + (this.since === null ? 0 : Math.max(0, this.now() - this.since));
  }
}
