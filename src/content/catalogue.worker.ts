/**
 * Downloads and validates scenarios off the main thread, so the schema validator never
 * blocks a frame: the bundled ones with the local library behind the title, and a file
 * the player opens or links to (`?src=`).
 */
// First: zod without its JIT before any schema is built (a strict CSP forbids eval).
import "../engine/zod-setup.ts";
import { fetchScenarioText, loadCatalogueWith, ownEntry, type CatalogueEntry, type OwnFile } from "./catalogue.ts";

/** What the game asks of this worker. */
export type CatalogueRequest =
  | { kind: "catalogue"; defaultId: string; library: OwnFile[] }
  | { kind: "own"; file: OwnFile; bundledIds: string[] }
  | { kind: "url"; url: string; bundledIds: string[] };

/** The answer to an "own" or "url" request: the entry, and the text to keep in the library when it loaded. */
export interface OwnResult {
  entry: CatalogueEntry;
  text?: string;
}

const post = (message: CatalogueEntry[] | OwnResult) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (ev: MessageEvent<CatalogueRequest>) => {
  const req = ev.data;
  if (req.kind === "catalogue") return post(await loadCatalogueWith(req.defaultId, req.library));
  const ids = new Set(req.bundledIds);
  if (req.kind === "own") return post({ entry: ownEntry(req.file, ids), text: req.file.text });
  const got = await fetchScenarioText(req.url);
  if (got.text === undefined) return post({ entry: { file: got.file, ok: false, source: "library", problems: [got.problem!] } });
  return post({ entry: ownEntry({ file: got.file, text: got.text }, ids), text: got.text });
};
