/**
 * Reports a run to a SCORM LMS: incomplete while playing, completed and passed/failed
 * against the mastery score only once the run has ended, the score (raw/min/max and
 * scaled), one interaction per decision, and suspend data after every step so the learner
 * resumes where they stopped.
 *
 * Every commit (after each step, when the page is hidden, at the end) also writes the
 * session time of this launch and `exit = suspend` until the run has ended: LMSs drop or
 * block what a page sends while it closes (Moodle's frame in Chrome never sees `unload`),
 * so what was last committed must already be a complete, resumable record.
 *
 * A value the LMS refuses is kept and written again before the next commit when retrying
 * can help (a general failure, not a data-model error); a refused commit is retried after
 * a growing wait. Each kind of refusal is reported once to `onProblem`, for the learner.
 */
import type { Refusal, ScormConnection } from "./scorm-api.ts";
import { duration2004, scormId, timespan12 } from "./scorm-api.ts";
import type { DecisionReport, EndReport, RunListener } from "./tracker.ts";
import { decodeSuspend, SCORM12_SUSPEND_MAX, type Suspended } from "./suspend.ts";

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const clock12 = (ms: number) => new Date(ms).toISOString().slice(11, 19);
/** Waits before a refused commit is tried again; then the next step or the page's hiding tries. */
const COMMIT_RETRY_MS = [2000, 8000, 30_000];

export interface ScormTiming {
  /** Wall clock for interaction times. */
  now(): number;
  /** Milliseconds actually spent in this launch (see src/game/visibleClock.ts). */
  spent(): number;
  /** Schedules a retry; tests pass their own. */
  later?(fn: () => void, ms: number): void;
}

export class ScormReporter implements RunListener {
  private ended = false;
  private finished = false;
  /** Values the LMS refused that are worth writing again, by element. */
  private readonly unsent = new Map<string, string>();
  private readonly told = new Set<string>();
  private commitRetries = 0;
  private retryPending = false;
  /** Mastery score 0-100: the LMS's own when it sets one, else the package's. */
  mastery: number;
  onProblem: (r: Refusal) => void = () => {};
  /** What was refused and worth retrying has all been written ("values"), or a commit went through again ("commit"). */
  onRecovered: (what: "values" | "commit") => void = () => {};
  private commitFailed = false;
  /** Something refused was kept to be written again (the learner was told). */
  private owed = false;

  constructor(
    private readonly lms: ScormConnection,
    packageMastery: number,
    private readonly time: ScormTiming = { now: Date.now, spent: (() => { const t0 = Date.now(); return () => Date.now() - t0; })() },
  ) {
    this.mastery = packageMastery;
  }

  private get v12(): boolean {
    return this.lms.version === "1.2";
  }

  /** Sets a value; a refusal is reported once per element kind and, when retrying can help, kept for the next commit. */
  private write(name: string, value: string): boolean {
    if (this.lms.set(name, value)) {
      this.unsent.delete(name);
      return true;
    }
    const r = this.lms.refusal(name);
    if (r.retry) {
      this.unsent.set(name, value);
      this.owed = true;
    }
    // interactions.3.id and interactions.7.id are one kind of problem for the learner.
    const kind = name.replace(/\.\d+\./g, ".n.");
    if (!this.told.has(kind)) {
      this.told.add(kind);
      this.onProblem(r);
    }
    return false;
  }

  /** Opens the session; returns the run to resume, if the LMS kept one. */
  start(): Suspended | null {
    if (!this.lms.initialize()) return null;
    const lmsMastery = Number.parseFloat(this.lms.get(this.lms.name("mastery")));
    if (Number.isFinite(lmsMastery)) this.mastery = this.v12 ? clamp(lmsMastery, 0, 100) : clamp(lmsMastery, -1, 1) * 100;
    if (this.v12) {
      const status = this.lms.get("cmi.core.lesson_status");
      if (status === "" || status === "not attempted") this.write("cmi.core.lesson_status", "incomplete");
    } else if (this.lms.get("cmi.completion_status") !== "completed") {
      this.write("cmi.completion_status", "incomplete");
    }
    const entry = this.lms.get(this.lms.name("entry"));
    const data = this.lms.get(this.lms.name("suspend"));
    this.checkpoint();
    return entry === "resume" && data ? decodeSuspend(data) : null;
  }

  /** The learner as the LMS names them (SCORM 1.2 writes "Last, First"); empty parts left out. */
  learner(): { name?: string; id?: string } {
    const name = this.lms.get(this.v12 ? "cmi.core.student_name" : "cmi.learner_name").trim();
    const id = this.lms.get(this.v12 ? "cmi.core.student_id" : "cmi.learner_id").trim();
    return { ...(name ? { name } : {}), ...(id ? { id } : {}) };
  }

  onDecision(d: DecisionReport): void {
    const at = `${this.lms.name("interactions")}.${d.index}`;
    const fields: [string, string][] = [
      [`${at}.id`, scormId(`${d.node}.${d.index + 1}`)],
      [`${at}.type`, "choice"],
    ];
    if (this.v12) {
      fields.push([`${at}.student_response`, scormId(d.option)], [`${at}.result`, d.net > 0 ? "correct" : d.net < 0 ? "wrong" : "neutral"], [`${at}.time`, clock12(this.time.now())]);
    } else {
      fields.push([`${at}.timestamp`, isoSeconds(this.time.now())], [`${at}.learner_response`, scormId(d.option)], [`${at}.result`, d.net > 0 ? "correct" : d.net < 0 ? "incorrect" : "neutral"]);
      if (d.principle) fields.push([`${at}.description`, d.principle.text.slice(0, 250)]);
    }
    const [id, ...rest] = fields;
    // The id comes first, and 2004 refuses the rest of an interaction without it: while it
    // waits to be written again, so does the rest, in order, behind it.
    if (!this.write(id![0], id![1]) && this.unsent.has(id![0])) {
      for (const [n, v] of rest) this.unsent.set(n, v);
      return;
    }
    for (const [n, v] of rest) this.write(n, v);
  }

  /** Where the learner is: written after every step, committed so an abrupt exit loses nothing. */
  suspend(suspendData: string, node: string): void {
    if (this.ended || this.finished) return;
    // Past SCORM 1.2's limit the LMS would refuse the whole value: keep the last one that fitted.
    if (!this.v12 || suspendData.length <= SCORM12_SUSPEND_MAX) this.write(this.lms.name("suspend"), suspendData);
    this.write(this.lms.name("location"), scormId(node));
    this.checkpoint();
  }

  onEnded(e: EndReport): void {
    this.ended = true;
    const total = clamp(Math.round(e.total), 0, 100);
    const passed = total >= this.mastery;
    this.write(this.lms.name("min"), "0");
    this.write(this.lms.name("max"), "100");
    this.write(this.lms.name("raw"), String(total));
    if (this.v12) {
      this.write("cmi.core.lesson_status", passed ? "passed" : "failed");
    } else {
      this.write("cmi.score.scaled", String(total / 100));
      this.write("cmi.completion_status", "completed");
      this.write("cmi.success_status", passed ? "passed" : "failed");
    }
    this.write(this.lms.name("suspend"), "");
    this.checkpoint();
  }

  /**
   * Commits a complete record: what was refused before (worth retrying), this launch's
   * session time, and the exit mode (suspend until the run has ended). Called after every
   * step and when the page is hidden; safe to call any time.
   */
  checkpoint(): boolean {
    if (this.finished || !this.lms.isLive) return false;
    for (const [name, value] of [...this.unsent]) {
      if (this.lms.set(name, value)) this.unsent.delete(name);
      else if (!this.lms.refusal(name).retry) this.unsent.delete(name); // refused for good now
    }
    if (this.owed && this.unsent.size === 0) {
      this.owed = false;
      this.onRecovered("values");
    }
    const ms = this.time.spent();
    this.write(this.lms.name("sessionTime"), this.v12 ? timespan12(ms) : duration2004(ms));
    this.write(this.lms.name("exit"), this.ended ? (this.v12 ? "" : "normal") : "suspend");
    if (this.lms.commit()) {
      this.commitRetries = 0;
      if (this.commitFailed) this.onRecovered("commit");
      this.commitFailed = false;
      return true;
    }
    const r = this.lms.refusal("commit");
    if (!this.commitFailed) this.onProblem(r);
    this.commitFailed = true;
    if (this.time.later && !this.retryPending && this.commitRetries < COMMIT_RETRY_MS.length) {
      this.retryPending = true;
      this.time.later(() => {
        this.retryPending = false;
        this.checkpoint();
      }, COMMIT_RETRY_MS[this.commitRetries++]!);
    }
    return false;
  }

  /** Closes the session (the page goes): a last checkpoint, then terminate. Once. */
  finish(): void {
    if (this.finished) return;
    this.checkpoint();
    this.finished = true;
    this.lms.terminate();
  }
}
