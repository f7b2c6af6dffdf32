import type { Phaser } from "../phaser/index.ts";
import type { AppStore } from "../store/index.ts";
import type { Mirror } from "../a11y/mirror.ts";
import type { Sound } from "../audio/sound.ts";
import type { CatalogueEntry, OwnFile } from "../content/catalogue.ts";
import type { CatalogueRequest, OwnResult } from "../content/catalogue.worker.ts";
import { addToLibrary, readLibrary, removeFromLibrary, type LibraryStorage } from "../content/library.ts";
import type { Scenario } from "../engine/loader.ts";
import { deepFreeze } from "../engine/freeze.ts";

/** What the scenes share, built once in main.ts and kept in the game registry. */
export interface Services {
  store: AppStore;
  mirror: Mirror;
  sound: Sound;
  /** The bundled scenarios once loaded (after the title shows); see ensureCatalogue. */
  catalogue: CatalogueEntry[] | null;
  catalogueLoading?: Promise<CatalogueEntry[]>;
  launch: LaunchOptions;
  /** Where the local library of the player's own scenario files is kept (localStorage). */
  libraryStorage?: LibraryStorage;
}

/** Options from the page URL: `?lang=en&seed=42&scenario=first-meetings&src=<url>`. */
export interface LaunchOptions {
  seed?: string;
  scenario?: string;
  /** A scenario file to download, check and play (`?src=`). */
  src?: string;
  /** `?mode=assessment` or `?mode=practice`: a facilitator fixes the mode for every run. */
  mode?: "practice" | "assessment";
}

export const DEFAULT_SCENARIO_ID = "first-meetings";

export function services(scene: Phaser.Scene): Services {
  return scene.registry.get("services") as Services;
}

/**
 * Loads the scenario catalogue once, on first need. The schema validator (zod) and the
 * scenario files come with it in a separate chunk, so the title shows before they load.
 */
export function ensureCatalogue(svc: Services): Promise<CatalogueEntry[]> {
  if (svc.catalogue) return Promise.resolve(svc.catalogue);
  const library = svc.libraryStorage ? readLibrary(svc.libraryStorage).map(({ id, file, text }) => ({ id, file, text })) : [];
  svc.catalogueLoading ??= inWorker<CatalogueEntry[]>({ kind: "catalogue", defaultId: DEFAULT_SCENARIO_ID, library })
    .catch(() => import("../content/catalogue.ts").then((m) => m.loadCatalogueWith(DEFAULT_SCENARIO_ID, library)))
    .then((entries) => (svc.catalogue = entries.map(freezeEntry)));
  return svc.catalogueLoading;
}

/** Validation runs in a worker (no main-thread long task); where workers fail, on the main thread. */
function inWorker<T>(request: CatalogueRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    if (typeof Worker === "undefined") return reject(new Error("no workers"));
    const worker = new Worker(new URL("../content/catalogue.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (ev: MessageEvent<T>) => {
      worker.terminate();
      resolve(ev.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(e);
    };
    worker.postMessage(request);
  });
}

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

/** A scenario that crossed from the worker is a fresh copy: freeze it again. */
export function freezeEntry(e: CatalogueEntry): CatalogueEntry {
  if (e.ok) deepFreeze(e.scenario);
  return e;
}

/** A loaded scenario by id, if the catalogue has it. */
export function findScenario(svc: Services, id: string): Scenario | undefined {
  const e = svc.catalogue?.find((x) => x.ok && x.scenario.meta.id === id);
  return e && e.ok ? e.scenario : undefined;
}

let playScenes: Promise<void> | null = null;

/**
 * Loads the meeting, account map and debrief scenes (and the engine) in their own chunk,
 * once, and adds them to the game. Called behind the title; awaited before starting a run.
 */
export function ensurePlayScenes(game: Phaser.Game): Promise<void> {
  playScenes ??= import("./scenes/play.ts").then((m) => {
    for (const [key, scene] of [
      ["Meeting", m.Meeting],
      ["AccountMap", m.AccountMap],
      ["Debrief", m.Debrief],
    ] as const) {
      if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
    }
  });
  playScenes.catch(() => (playScenes = null)); // a failed download can be retried
  return playScenes;
}
