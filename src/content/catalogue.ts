/**
 * Finding scenarios. Bundled files are read as text and validated here, so a broken file
 * shows as a card naming the file and the JSON path instead of breaking the build or the
 * game. The same path serves a scenario an instructor loads from disk.
 */
import { parseScenarioText } from "../engine/check.ts";
import type { Problem } from "../engine/problems.ts";
import { freezeScenario, type Scenario } from "../engine/loader.ts";

/** A scenario file as the game found it: loaded, or with the problems that stopped it. */
export type CatalogueEntry =
  | { file: string; ok: true; scenario: Scenario }
  | { file: string; ok: false; problems: Problem[] };

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
    if (!data || problems.length > 0) return { file, ok: false, problems };
    return { file, ok: true, scenario: freezeScenario(data) };
  } catch (e) {
    return { file, ok: false, problems: [{ path: "$", message: `could not read: ${(e as Error).message}` }] };
  }
}

/** Downloads and validates every bundled scenario. Never rejects: a failed download becomes an entry with a problem. */
export async function loadCatalogue(defaultId: string): Promise<CatalogueEntry[]> {
  const files = await bundledScenarioUrls();
  const entries = await Promise.all(
    files.map(async ({ file, url }): Promise<CatalogueEntry> => {
      try {
        const res = await fetch(url);
        if (!res.ok) return { file, ok: false, problems: [{ path: "$", message: `could not be downloaded (HTTP ${res.status})` }] };
        return entryFromText(file, await res.text());
      } catch (e) {
        return { file, ok: false, problems: [{ path: "$", message: `could not be downloaded (${(e as Error).message})` }] };
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
