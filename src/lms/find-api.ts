/**
 * Finding the SCORM API object an LMS provides (SCORM 1.2 `API`, SCORM 2004
 * `API_1484_11`) in this window's parents and its opener's. Kept apart from the rest
 * of the LMS code: the game's entry uses it to decide whether to load that code at all.
 */
/** The API object a SCORM 1.2 LMS provides. */
export interface Scorm12Api {
  LMSInitialize(arg: ""): string;
  LMSFinish(arg: ""): string;
  LMSGetValue(name: string): string;
  LMSSetValue(name: string, value: string): string;
  LMSCommit(arg: ""): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}
/** The API object a SCORM 2004 LMS provides. */
export interface Scorm2004Api {
  Initialize(arg: ""): string;
  Terminate(arg: ""): string;
  GetValue(name: string): string;
  SetValue(name: string, value: string): string;
  Commit(arg: ""): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

export type Found = { version: "1.2"; api: Scorm12Api } | { version: "2004"; api: Scorm2004Api };

/** Parents searched above each window; the ADL's own guidance uses 7, real LMS frames nest less. */
const MAX_PARENTS = 10;

/** A window's API property, or null when it is absent or across an origin we cannot read. */
function read(win: Window, name: "API" | "API_1484_11"): unknown {
  try {
    const v = (win as unknown as Record<string, unknown>)[name];
    return typeof v === "object" && v !== null ? v : null;
  } catch {
    return null;
  }
}

/** The window and its parents up to the top (bounded), each readable one once. */
function lineage(start: Window): Window[] {
  const out: Window[] = [];
  let win: Window | null = start;
  for (let i = 0; win && i <= MAX_PARENTS; i++) {
    out.push(win);
    let parent: Window | null;
    try {
      parent = win.parent;
    } catch {
      break;
    }
    if (!parent || parent === win) break;
    win = parent;
  }
  return out;
}

function openerOf(win: Window): Window | null {
  try {
    return (win.opener as Window | null) ?? null;
  } catch {
    return null;
  }
}

/** Popups opened from popups: an LMS's player window may itself have been opened by the course page. */
const MAX_OPENERS = 3;

/**
 * Where an LMS may keep its API, nearest first: this window's frames up to the top, then
 * the opener's (of this window, else of the top: a SCO framed inside a popup), and that
 * opener's own opener, a few hops at most.
 */
function candidates(win: Window): Window[] {
  const out: Window[] = [];
  let start: Window | null = win;
  for (let hop = 0; start && hop <= MAX_OPENERS; hop++) {
    const chain = lineage(start);
    if (chain.some((w) => out.includes(w))) break; // a window that opened its own opener: a loop
    out.push(...chain);
    start = openerOf(start) ?? openerOf(chain[chain.length - 1]!);
  }
  return out;
}

/** Looks for SCORM 2004 first (the newer one wins when an LMS offers both), then 1.2, in each window nearest first. */
export function findScormApi(win: Window = window): Found | null {
  for (const w of candidates(win)) {
    const a2004 = read(w, "API_1484_11");
    if (a2004 && typeof (a2004 as Scorm2004Api).Initialize === "function") return { version: "2004", api: a2004 as Scorm2004Api };
    const a12 = read(w, "API");
    if (a12 && typeof (a12 as Scorm12Api).LMSInitialize === "function") return { version: "1.2", api: a12 as Scorm12Api };
  }
  return null;
}
