/**
 * Reports a run to a SCORM LMS: incomplete while playing, completed and passed/failed
 * against the mastery score only once the run has ended, the score (raw/min/max and
 * scaled), the session time, one interaction per decision, and suspend data after every
 * step so the learner resumes where they stopped.
 */
import type { ScormConnection } from "./scorm-api.ts";
import { duration2004, scormId, timespan12 } from "./scorm-api.ts";
import type { DecisionReport, EndReport, RunListener } from "./tracker.ts";
import { decodeSuspend, SCORM12_SUSPEND_MAX, type Suspended } from "./suspend.ts";

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const clock12 = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export class ScormReporter implements RunListener {
  private readonly started: number;
  private ended = false;
  private finished = false;
  /** Mastery score 0-100: the LMS's own when it sets one, else the package's. */
  mastery: number;

  constructor(
    private readonly lms: ScormConnection,
    packageMastery: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.mastery = packageMastery;
  }

  /** Opens the session; returns the run to resume, if the LMS kept one. */
  start(): Suspended | null {
    if (!this.lms.initialize()) return null;
    const v12 = this.lms.version === "1.2";
    const lmsMastery = Number.parseFloat(this.lms.get(this.lms.name("mastery")));
    if (Number.isFinite(lmsMastery)) this.mastery = v12 ? clamp(lmsMastery, 0, 100) : clamp(lmsMastery, -1, 1) * 100;
    if (v12) {
      const status = this.lms.get("cmi.core.lesson_status");
      if (status === "" || status === "not attempted") this.lms.set("cmi.core.lesson_status", "incomplete");
    } else if (this.lms.get("cmi.completion_status") !== "completed") {
      this.lms.set("cmi.completion_status", "incomplete");
    }
    this.lms.commit();
    const entry = this.lms.get(this.lms.name("entry"));
    const data = this.lms.get(this.lms.name("suspend"));
    return entry === "resume" && data ? decodeSuspend(data) : null;
  }

  onDecision(d: DecisionReport): void {
    const v12 = this.lms.version === "1.2";
    const at = `${this.lms.name("interactions")}.${d.index}`;
    this.lms.set(`${at}.id`, scormId(`${d.node}.${d.index + 1}`));
    this.lms.set(`${at}.type`, "choice");
    if (v12) {
      this.lms.set(`${at}.student_response`, scormId(d.option));
      this.lms.set(`${at}.result`, d.net > 0 ? "correct" : d.net < 0 ? "wrong" : "neutral");
      this.lms.set(`${at}.time`, clock12(this.now()));
    } else {
      this.lms.set(`${at}.timestamp`, isoSeconds(this.now()));
      this.lms.set(`${at}.learner_response`, scormId(d.option));
      this.lms.set(`${at}.result`, d.net > 0 ? "correct" : d.net < 0 ? "incorrect" : "neutral");
      if (d.principle) this.lms.set(`${at}.description`, d.principle.text.slice(0, 250));
    }
  }

  /** Where the learner is: written after every step, committed so an abrupt exit loses nothing. */
  suspend(suspendData: string, node: string): void {
    if (this.ended) return;
    // Past SCORM 1.2's limit the LMS would refuse the whole value: keep the last one that fitted.
    if (this.lms.version === "2004" || suspendData.length <= SCORM12_SUSPEND_MAX) this.lms.set(this.lms.name("suspend"), suspendData);
    this.lms.set(this.lms.name("location"), scormId(node));
    this.lms.commit();
  }

  onEnded(e: EndReport): void {
    this.ended = true;
    const total = clamp(Math.round(e.total), 0, 100);
    const passed = total >= this.mastery;
    this.lms.set(this.lms.name("min"), "0");
    this.lms.set(this.lms.name("max"), "100");
    this.lms.set(this.lms.name("raw"), String(total));
    if (this.lms.version === "1.2") {
      this.lms.set("cmi.core.lesson_status", passed ? "passed" : "failed");
    } else {
      this.lms.set("cmi.score.scaled", String(total / 100));
      this.lms.set("cmi.completion_status", "completed");
      this.lms.set("cmi.success_status", passed ? "passed" : "failed");
    }
    this.lms.set(this.lms.name("suspend"), "");
    this.lms.commit();
  }

  /** Closes the session (page hidden or left): session time, exit mode, terminate. Once. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const ms = this.now() - this.started;
    const v12 = this.lms.version === "1.2";
    this.lms.set(this.lms.name("sessionTime"), v12 ? timespan12(ms) : duration2004(ms));
    this.lms.set(this.lms.name("exit"), this.ended ? (v12 ? "" : "normal") : "suspend");
    this.lms.commit();
    this.lms.terminate();
  }
}
