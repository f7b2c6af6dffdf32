/**
 * The local library: scenario files an instructor opened in this browser (from disk, a
 * link or the studio), kept as their text so they are validated again on every visit
 * (a newer build may read them differently). Versioned and checked field by field when
 * read: one damaged record is dropped, the rest survive.
 */

/** One scenario file kept in the browser. `id` is its meta.id, the key it is replaced by. */
export interface LibraryFile {
  id: string;
  /** The name it was opened under (a file name or the last part of a URL), for messages. */
  file: string;
  text: string;
  /** When it was last added, ms since the epoch: newest first in the list. */
  addedAt: number;
}

export const LIBRARY_KEY = "dealcraft.library";
export const LIBRARY_VERSION = 1;

/** The smallest part of Storage the library needs (localStorage, or a memory stand-in in tests). */
export type LibraryStorage = Pick<Storage, "getItem" | "setItem">;

function isLibraryFile(v: unknown): v is LibraryFile {
  if (!v || typeof v !== "object") return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.id === "string" &&
    f.id.length > 0 &&
    f.id.length <= 64 &&
    typeof f.file === "string" &&
    f.file.length <= 200 &&
    typeof f.text === "string" &&
    typeof f.addedAt === "number" &&
    Number.isFinite(f.addedAt)
  );
}

/** Every file in the library, newest first. A damaged document reads as an empty library. */
export function readLibrary(storage: LibraryStorage): LibraryFile[] {
  let raw: string | null;
  try {
    raw = storage.getItem(LIBRARY_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const doc = JSON.parse(raw) as { version?: unknown; files?: unknown };
    if (doc.version !== LIBRARY_VERSION || !Array.isArray(doc.files)) return [];
    return doc.files.filter(isLibraryFile).sort((a, b) => b.addedAt - a.addedAt);
  } catch {
    return [];
  }
}

function writeLibrary(storage: LibraryStorage, files: LibraryFile[]): boolean {
  try {
    storage.setItem(LIBRARY_KEY, JSON.stringify({ version: LIBRARY_VERSION, files }));
    return true;
  } catch {
    return false; // quota exceeded or storage blocked: the caller says so
  }
}

/** Adds a file, replacing an older one with the same scenario id. False when the browser refused to store it. */
export function addToLibrary(storage: LibraryStorage, entry: Omit<LibraryFile, "addedAt">, now = Date.now()): boolean {
  const files = readLibrary(storage).filter((f) => f.id !== entry.id);
  return writeLibrary(storage, [{ ...entry, addedAt: now }, ...files]);
}

/** Removes the file with this scenario id; true when something was removed. */
export function removeFromLibrary(storage: LibraryStorage, id: string): boolean {
  const files = readLibrary(storage);
  const kept = files.filter((f) => f.id !== id);
  return kept.length !== files.length && writeLibrary(storage, kept);
}
