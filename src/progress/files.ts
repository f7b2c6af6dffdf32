/**
 * The history file on the player's device: a CSV download, and a file picker for the
 * import (validated, then merged without duplicates). DOM only; the format is csv.ts.
 */
import type { AppStore, Attempt } from "../store/index.ts";
import { attemptsFromCsv, attemptsToCsv } from "./csv.ts";

/** Largest file read for an import (a few thousand attempts are well under it). */
const MAX_BYTES = 2 * 1024 * 1024;

/** Starts a download of the history; returns how many attempts it holds. */
export function exportHistory(attempts: readonly Attempt[]): number {
  // A byte-order mark so spreadsheet programs read the Chinese titles as UTF-8.
  const blob = new Blob(["\uFEFF", attemptsToCsv(attempts)], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `dealcraft-history-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return attempts.length;
}

export type ImportResult =
  | { kind: "merged"; added: number; known: number; problems: string[] }
  | { kind: "failed"; file: string; reason: string };

/** Opens a file picker; the chosen history is validated and merged, then `done` hears how it went. */
export function importHistory(store: AppStore, done: (r: ImportResult) => void): void {
  document.getElementById("history-import")?.remove(); // a picker closed without a file
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ".csv,text/csv";
  input.id = "history-import";
  input.style.display = "none";
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return;
    const name = file.name.slice(0, 80);
    if (file.size > MAX_BYTES) return done({ kind: "failed", file: name, reason: `> ${MAX_BYTES / 1024 / 1024} MB` });
    file.text().then(
      (text) => {
        try {
          const { attempts, problems } = attemptsFromCsv(text);
          const added = store.getState().mergeAttempts(attempts);
          done({ kind: "merged", added, known: attempts.length - added, problems });
        } catch (e) {
          done({ kind: "failed", file: name, reason: e instanceof Error ? e.message : String(e) });
        }
      },
      (e: unknown) => done({ kind: "failed", file: name, reason: String(e) }),
    );
  });
  document.body.append(input);
  input.click();
}
