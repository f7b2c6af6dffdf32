/**
 * The scenario catalogue for the game: loaded once, behind the title, validated in a
 * worker (no main-thread long task), then looked up by id.
 */
import type { CatalogueEntry } from "../content/catalogue.ts";
import type { CatalogueRequest } from "../content/catalogue.worker.ts";
import { readLibrary } from "../content/library.ts";
import type { Scenario } from "../engine/loader.ts";
import { freezeScenarioData } from "../engine/freeze.ts";
import { DEFAULT_SCENARIO_ID, type Services } from "./services.ts";

/** The part of the services the catalogue lives in (the LMS code loads it before the game exists). */
type CatalogueHolder = Pick<Services, "catalogue" | "catalogueLoading" | "libraryStorage">;

/**
 * Loads the scenario catalogue once, on first need. The schema validator (zod) and the
 * scenario files come with it in a separate chunk, so the title shows before they load.
 */
export function ensureCatalogue(svc: CatalogueHolder): Promise<CatalogueEntry[]> {
  if (svc.catalogue) return Promise.resolve(svc.catalogue);
  // The player's own files (the local library) are validated with the bundled ones.
  const library = svc.libraryStorage ? readLibrary(svc.libraryStorage).map(({ id, file, text }) => ({ id, file, text })) : [];
  svc.catalogueLoading ??= inWorker<CatalogueEntry[]>({ kind: "catalogue", defaultId: DEFAULT_SCENARIO_ID, library })
    .catch(() => import("../content/catalogue.ts").then((m) => m.loadCatalogueWith(DEFAULT_SCENARIO_ID, library)))
    .then((entries) => (svc.catalogue = entries.map(freezeEntry)));
  return svc.catalogueLoading;
}

/** Validation runs in a worker (no main-thread long task); where workers fail, the caller falls back to the main thread. */
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

/**
 * A scenario that crossed from the worker is a fresh copy, and structured cloning gave its
 * id tables their prototype back: make them prototype-free again and freeze it.
 */
export function freezeEntry(e: CatalogueEntry): CatalogueEntry {
  return e.ok ? { ...e, scenario: freezeScenarioData(e.scenario) } : e;
}

/** Whether some bundled file could not be downloaded: a scenario not found may only be out of reach, not retired. */
export function catalogueIncomplete(svc: CatalogueHolder): boolean {
  return !!svc.catalogue?.some((e) => !e.ok && e.unfetched);
}

/** Forgets the catalogue and loads it again (the player asked to retry a failed download). */
export function reloadCatalogue(svc: CatalogueHolder): Promise<CatalogueEntry[]> {
  svc.catalogue = null;
  delete svc.catalogueLoading;
  return ensureCatalogue(svc);
}

/** A loaded scenario by id, if the catalogue has it. */
export function findScenario(svc: CatalogueHolder, id: string): Scenario | undefined {
  const e = svc.catalogue?.find((x) => x.ok && x.scenario.meta.id === id);
  return e && e.ok ? e.scenario : undefined;
}
