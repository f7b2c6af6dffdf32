/**
 * Reads one dropped file for the team view: a history export (CSV) or a team-session
 * record (JSON), told apart by name and content. Every problem names the file and the row
 * (CSV line and column) or the JSON path; a bad row is left out, the rest is kept.
 */
import { attemptsFromCsv } from "../progress/csv.ts";
import type { Attempt } from "../store/types.ts";
import { readSession, type SessionRecord } from "./sessionFile.ts";

/** Largest file read (years of one rep's history, or a long session, are far below it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type TeamFile =
  | { kind: "history"; name: string; attempts: Attempt[]; problems: string[] }
  | { kind: "session"; name: string; session: SessionRecord }
  | { kind: "bad"; name: string; problems: string[] };

export function readTeamFile(name: string, text: string): TeamFile {
  const body = text.replace(/^\uFEFF/, "");
  const looksJson = /\.json$/i.test(name) || /^\s*[{[]/.test(body);
  if (looksJson) {
    const r = readSession(body);
    return r.ok ? { kind: "session", name, session: r.session } : { kind: "bad", name, problems: r.problems };
  }
  try {
    const { attempts, problems } = attemptsFromCsv(body);
    return { kind: "history", name, attempts, problems };
  } catch (e) {
    return { kind: "bad", name, problems: [e instanceof Error ? e.message : String(e)] };
  }
}
