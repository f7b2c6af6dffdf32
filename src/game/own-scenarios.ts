/**
 * A player's own scenario files in the game: checking one (a file's text or a link) in the
 * catalogue worker, adding it to the list and the local library, removing it, and the
 * overlay listing a broken file's problems. Loaded on first use, in its own chunk, so the
 * game's first visit does not grow.
 */
import type { Phaser } from "../phaser/index.ts";
import type { CatalogueEntry, OwnFile } from "../content/catalogue.ts";
import type { CatalogueRequest, OwnResult } from "../content/catalogue.worker.ts";
import { addToLibrary, removeFromLibrary } from "../content/library.ts";
import type { Services } from "./services.ts";
import { ensureCatalogue, freezeEntry, inWorker } from "./catalogueService.ts";
import { SceneKey } from "./keys.ts";
import { ScenarioProblems, type ProblemsData } from "./scenes/ScenarioProblems.ts";

/** Ids of the bundled scenarios, which a player's own file may not reuse. */
function bundledIds(svc: Services): string[] {
  return (svc.catalogue ?? []).flatMap((e) => (e.ok && e.source !== "library" ? [e.scenario.meta.id] : []));
}

/** Checks a file's text or a link in the worker (on the main thread where workers fail); `bundledIds` may not be reused. */
export function checkOwnScenario(source: { file: OwnFile } | { url: string }, ids: string[]): Promise<OwnResult> {
  const request: CatalogueRequest = "url" in source ? { kind: "url", url: source.url, bundledIds: ids } : { kind: "own", file: source.file, bundledIds: ids };
  return inWorker<OwnResult>(request).catch(async () => {
    const m = await import("../content/catalogue.ts");
    if ("file" in source) return { entry: m.ownEntry(source.file, new Set(ids)), text: source.file.text };
    const got = await m.fetchScenarioText(source.url);
    if (got.text === undefined) return { entry: { file: got.file, ok: false as const, source: "library" as const, problems: [got.problem!] } };
    return { entry: m.ownEntry({ file: got.file, text: got.text }, new Set(ids)), text: got.text };
  });
}

/** What happened to an opened file: its entry, and whether the browser kept it for next time. */
export interface OpenedScenario {
  entry: CatalogueEntry;
  kept: boolean;
}

/**
 * Checks a scenario the player opened (a file's text, or a link) in the worker. A valid
 * one joins the catalogue and the local library (replacing an older copy with its id).
 */
export async function openOwnScenario(svc: Services, source: { file: OwnFile } | { url: string }): Promise<OpenedScenario> {
  await ensureCatalogue(svc);
  const result = await checkOwnScenario(source, bundledIds(svc));
  const entry = freezeEntry(result.entry.ok ? { ...result.entry, libraryId: result.entry.scenario.meta.id } : result.entry);
  if (!entry.ok || result.text === undefined) return { entry, kept: false };
  const id = entry.scenario.meta.id;
  const kept = svc.libraryStorage ? addToLibrary(svc.libraryStorage, { id, file: entry.file, text: result.text }) : false;
  const others = (svc.catalogue ?? []).filter((e) => !(e.source === "library" && (e.ok ? e.scenario.meta.id === id : e.file === entry.file)));
  const firstBroken = others.findIndex((e) => !e.ok);
  others.splice(firstBroken < 0 ? others.length : firstBroken, 0, entry);
  svc.catalogue = others;
  return { entry, kept };
}

/** Takes one of the player's own scenarios out of the library and the list. */
export function removeOwnScenario(svc: Services, entry: CatalogueEntry): void {
  if (entry.source !== "library") return;
  const id = entry.libraryId ?? (entry.ok ? entry.scenario.meta.id : undefined);
  if (id && svc.libraryStorage) removeFromLibrary(svc.libraryStorage, id);
  svc.catalogue = (svc.catalogue ?? []).filter((e) => e !== entry);
}


/** Shows a file's problems over `scene` (paused until the overlay closes). */
export function showProblems(scene: Phaser.Scene, data: Omit<ProblemsData, "from">): void {
  if (!scene.game.scene.getScene(SceneKey.ScenarioProblems)) scene.game.scene.add(SceneKey.ScenarioProblems, ScenarioProblems, false);
  scene.scene.launch(SceneKey.ScenarioProblems, { ...data, from: scene.scene.key } satisfies ProblemsData);
  scene.scene.bringToTop(SceneKey.ScenarioProblems);
  scene.scene.pause();
}
