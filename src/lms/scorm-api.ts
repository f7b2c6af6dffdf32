/**
 * A small SCORM run-time shim of our own: speaks either SCORM version through one
 * interface with the data-model names mapped (the API is found by find-api.ts).
 */
import type { Found } from "./find-api.ts";
export { findScormApi, type Found, type Scorm12Api, type Scorm2004Api } from "./find-api.ts";

/** The data-model names that differ between the versions. */
const NAMES = {
  "1.2": {
    entry: "cmi.core.entry",
    location: "cmi.core.lesson_location",
    suspend: "cmi.suspend_data",
    exit: "cmi.core.exit",
    sessionTime: "cmi.core.session_time",
    raw: "cmi.core.score.raw",
    min: "cmi.core.score.min",
    max: "cmi.core.score.max",
    interactions: "cmi.interactions",
    mastery: "cmi.student_data.mastery_score",
  },
  "2004": {
    entry: "cmi.entry",
    location: "cmi.location",
    suspend: "cmi.suspend_data",
    exit: "cmi.exit",
    sessionTime: "cmi.session_time",
    raw: "cmi.score.raw",
    min: "cmi.score.min",
    max: "cmi.score.max",
    interactions: "cmi.interactions",
    mastery: "cmi.scaled_passing_score",
  },
} as const;

export type Field = keyof (typeof NAMES)["1.2"];

/** A value or a commit the LMS refused: what, its error code and the LMS's own words for it. */
export interface Refusal {
  /** The data-model element, or "commit". */
  name: string;
  code: string;
  reason: string;
  /** Worth trying again: a general failure, not a data-model error (SCORM 1.2 and 2004 codes 401-408) that would refuse it every time. */
  retry: boolean;
}

/** One interface over either version. Calls never throw; the last error is kept for the log. */
export class ScormConnection {
  lastError = "";
  private live = false;

  constructor(readonly found: Found) {}

  get version(): "1.2" | "2004" {
    return this.found.version;
  }

  name(field: Field): string {
    return NAMES[this.found.version][field];
  }

  private call(fn: () => string): string {
    try {
      const out = String(fn());
      const code = this.found.version === "1.2" ? this.found.api.LMSGetLastError() : this.found.api.GetLastError();
      this.lastError = code && code !== "0" ? String(code) : "";
      return out;
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      return "";
    }
  }

  /** What the LMS refused last, in its own words (an LMS whose error calls throw gets the exception's text). */
  refusal(name: string): Refusal {
    const code = this.lastError;
    let reason: string;
    if (/^\d+$/.test(code)) {
      try {
        const f = this.found;
        reason = String(f.version === "1.2" ? f.api.LMSGetErrorString(code) : f.api.GetErrorString(code));
      } catch {
        reason = "";
      }
    } else reason = code;
    const n = Number(code);
    return { name, code: /^\d+$/.test(code) ? code : "", reason: reason.slice(0, 200), retry: !(n >= 401 && n <= 408) };
  }

  initialize(): boolean {
    const f = this.found;
    this.live = this.call(() => (f.version === "1.2" ? f.api.LMSInitialize("") : f.api.Initialize(""))) === "true";
    return this.live;
  }

  get(name: string): string {
    if (!this.live) return "";
    const f = this.found;
    return this.call(() => (f.version === "1.2" ? f.api.LMSGetValue(name) : f.api.GetValue(name)));
  }

  set(name: string, value: string): boolean {
    if (!this.live) return false;
    const f = this.found;
    return this.call(() => (f.version === "1.2" ? f.api.LMSSetValue(name, value) : f.api.SetValue(name, value))) === "true";
  }

  commit(): boolean {
    if (!this.live) return false;
    const f = this.found;
    return this.call(() => (f.version === "1.2" ? f.api.LMSCommit("") : f.api.Commit(""))) === "true";
  }

  get isLive(): boolean {
    return this.live;
  }

  terminate(): boolean {
    if (!this.live) return false;
    const f = this.found;
    const ok = this.call(() => (f.version === "1.2" ? f.api.LMSFinish("") : f.api.Terminate(""))) === "true";
    this.live = false;
    return ok;
  }
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(4, "0")}:${String(m).padStart(2, "0")}:${s.toFixed(2).padStart(5, "0")}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration): PT#H#M#S. */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h}H${m}M${Number(s.toFixed(2))}S`;
}

/** An identifier both versions accept (letters, digits, - _ . only; at most 255 characters). */
export function scormId(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 255) || "_";
}
