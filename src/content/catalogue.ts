/**
 * Finding scenarios. Bundled files are read as text and validated here, so a broken file
 * shows as a card naming the file and the JSON path instead of breaking the build or the
 * game. The same path serves a scenario an instructor loads from disk.
 */
import { MAX_SCENARIO_BYTES, parseScenarioText } from "../engine/check.ts";
import { isError, type Problem } from "../engine/problems.ts";
import { fitToScreen } from "../engine/caps-check.ts";
import { freezeScenario, type Scenario } from "../engine/loader.ts";

/** Where a scenario came from: shipped with the game, or opened by the player (kept in the local library). */
export type ScenarioSource = "bundled" | "library";

/** A scenario file as the game found it: loaded, or with the problems that stopped it. */
export type CatalogueEntry =
  | { file: string; ok: true; scenario: Scenario; source?: ScenarioSource; libraryId?: string }
  | { file: string; ok: false; problems: Problem[]; source?: ScenarioSource; libraryId?: string; unfetched?: true };

/** A file from the local library (or just opened), as text. */
export interface OwnFile {
  file: string;
  text: string;
  /** Its key in the local library, when it came from there (so a file that no longer loads can still be removed). */
  id?: string;
}

const bundled = import.meta.glob<string>(["../../scenarios/*.json", "!../../scenarios/scenario.schema.json"], {
  query: "?url",
  import: "default",
});

/** URLs of every bundled scenario file, by file name, in name order. */
export async function bundledScenarioUrls(): Promise<Array<{ file: string; url: string }>> {
  const entries = await Promise.all(
    Object.entries(bundled).map(async ([path, load]) => ({ file: path.split("/").pop()!, url: await load() })),
  );
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}

/** Turns a scenario file's text into a catalogue entry. Never throws. */
export function entryFromText(file: string, text: string): CatalogueEntry {
  try {
    const { data, problems } = parseScenarioText(text);
    if (!data || problems.some(isError)) return { file, ok: false, problems };
    // Over-cap texts are warnings (files from earlier versions keep loading): one-line places are shortened to fit.
    return { file, ok: true, scenario: freezeScenario(fitToScreen(data)) };
  } catch (e) {
    return { file, ok: false, problems: [{ path: "$", message: `could not read: ${(e as Error).message}` }] };
  }
}

/**
 * Validates a player's own file. Its id must not shadow a bundled scenario: records and
 * saved runs are kept by id, so a copy needs an id of its own.
 */
export function ownEntry(own: OwnFile, bundledIds: ReadonlySet<string>): CatalogueEntry {
  const entry = entryFromText(own.file, own.text);
  if (entry.ok && bundledIds.has(entry.scenario.meta.id)) {
    return {
      file: own.file,
      ok: false,
      source: "library",
      problems: [{ path: "$.meta.id", message: `"${entry.scenario.meta.id}" is the id of a bundled scenario; give your copy an id of its own` }],
    };
  }
  return { ...entry, source: "library" };
}

/** Ids of the bundled scenarios that loaded. */
export function idsOf(entries: readonly CatalogueEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.ok ? [e.scenario.meta.id] : [])));
}

/** The bundled scenarios and the library's, sorted; library files that fail are listed with their problems too. */
export async function loadCatalogueWith(defaultId: string, library: readonly OwnFile[]): Promise<CatalogueEntry[]> {
  const bundledEntries = await loadCatalogue(defaultId);
  const ids = idsOf(bundledEntries);
  const own = library.map((f): CatalogueEntry => ({ ...ownEntry(f, ids), ...(f.id ? { libraryId: f.id } : {}) }));
  const all = [...bundledEntries, ...own];
  return [...all.filter((e) => e.ok), ...all.filter((e) => !e.ok)];
}

/** Last part of a URL's path, as a file name for messages; "scenario.json" when it has none. */
export function fileNameOf(url: string): string {
  try {
    const name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
    return name.slice(0, 100) || "scenario.json";
  } catch {
    return "scenario.json";
  }
}

/**
 * Downloads a scenario from a link (`?src=`): http(s) only, no cookies sent, at most
 * MAX_SCENARIO_BYTES read (a server that lies about or omits its length is cut off).
 * Returns the text, or the problem that stopped it.
 */
export async function fetchScenarioText(url: string): Promise<{ file: string; text?: string; problem?: Problem }> {
  const file = fileNameOf(url);
  const fail = (message: string) => ({ file, problem: { path: "$", message } });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`"${url.slice(0, 80)}" is not a web address`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return fail(`only http(s) links can be opened, not ${parsed.protocol}`);
  let res: Response;
  try {
    res = await fetch(parsed, { credentials: "omit", mode: "cors", redirect: "follow" });
  } catch (e) {
    return fail(`could not be downloaded from ${parsed.host} (${(e as Error).message}): another site must allow this one (CORS), and this site's security policy must allow it (Content-Security-Policy connect-src)`);
  }
  if (!res.ok) return fail(`could not be downloaded (HTTP ${res.status})`);
  const declared = Number(res.headers.get("content-length") ?? "0");
  const tooBig = () => fail(`the file is larger than ${MAX_SCENARIO_BYTES / 1048576} MB, the most a scenario may be`);
  if (declared > MAX_SCENARIO_BYTES) return tooBig();
  const reader = res.body?.getReader();
  if (!reader) return { file, text: await res.text() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_SCENARIO_BYTES) {
      void reader.cancel();
      return tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  try {
    return { file, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return fail("the file is not UTF-8 text (binary data?)");
  }
}

/** Downloads and validates every bundled scenario. Never rejects: a failed download becomes an entry with a problem. */
export async function loadCatalogue(defaultId: string): Promise<CatalogueEntry[]> {
  const files = await bundledScenarioUrls();
  const entries = await Promise.all(
    files.map(async ({ file, url }): Promise<CatalogueEntry> => {
      try {
        const res = await fetch(url);
        // A file that did not arrive (server down, dropped connection, 404) is not a retired
        // scenario: `unfetched` tells the title to keep its saved runs and offer a retry.
        if (!res.ok) return { file, ok: false, source: "bundled", unfetched: true, problems: [{ path: "$", message: `could not be downloaded (HTTP ${res.status})` }] };
        return { ...entryFromText(file, await res.text()), source: "bundled" };
      } catch (e) {
        return { file, ok: false, source: "bundled", unfetched: true, problems: [{ path: "$", message: `could not be downloaded (${(e as Error).message})` }] };
      }
    }),
  );
  return sortCatalogue(entries, defaultId);
}

/** Orders entries: the default starter first, then by estimated minutes, broken files last. */
export function sortCatalogue(entries: CatalogueEntry[], defaultId: string): CatalogueEntry[] {
  const rank = (e: CatalogueEntry) => (!e.ok ? 1e9 : e.scenario.meta.id === defaultId ? -1 : e.scenario.meta.estimatedMinutes);
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
}
