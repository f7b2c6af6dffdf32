import type { Phaser } from "../phaser/index.ts";
import type { AppStore } from "../store/index.ts";
import type { Mirror } from "../a11y/mirror.ts";
import type { Sound } from "../audio/sound.ts";
import type { CatalogueEntry } from "../content/catalogue.ts";
import type { CatalogueRequest } from "../content/catalogue.worker.ts";
import { readLibrary, type LibraryStorage } from "../content/library.ts";
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
export function inWorker<T>(request: CatalogueRequest): Promise<T> {
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
let settingsScene: Promise<void> | null = null;

/** Loads the settings overlay (its own small chunk) once and adds it to the game. */
export function ensureSettings(game: Phaser.Game): Promise<void> {
  settingsScene ??= import("./scenes/Settings.ts").then((m) => {
    if (!game.scene.getScene("Settings")) game.scene.add("Settings", m.Settings, false);
  });
  settingsScene.catch(() => (settingsScene = null));
  return settingsScene;
}

/**
 * Loads the scenario list, the meeting, account map and debrief scenes (and the engine) in their own chunks,
 * once, and adds them to the game. Called behind the title; awaited before starting a run.
 */
export function ensurePlayScenes(game: Phaser.Game): Promise<void> {
  playScenes ??= Promise.all([import("./scenes/play.ts"), import("./scenes/ScenarioSelect.ts"), ensureSettings(game)]).then(([m, select]) => {
    for (const [key, scene] of [
      ["ScenarioSelect", select.ScenarioSelect],
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
