import type { Phaser } from "../phaser/index.ts";
import type { RunSession } from "../session/index.ts";
import type { AppStore } from "../store/index.ts";
import type { Mirror } from "../a11y/mirror.ts";
import type { Sound } from "../audio/sound.ts";
import type { CatalogueEntry } from "../content/catalogue.ts";
import type { LibraryStorage } from "../content/library.ts";

/** What the scenes share, built once in main.ts and kept in the game registry. */
export interface Services {
  store: AppStore;
  mirror: Mirror;
  sound: Sound;
  /** The bundled scenarios once loaded (after the title shows); see ensureCatalogue. */
  catalogue: CatalogueEntry[] | null;
  catalogueLoading?: Promise<CatalogueEntry[]>;
  launch: LaunchOptions;
  /** Loads the scenes of a run (meeting, map, debrief) in their chunk, once; set up by config.ts. */
  loadPlayScenes(): Promise<void>;
  /** Loads the progress screen in its chunk, once; set up by config.ts. */
  loadProgressScene(): Promise<void>;
  /**
   * Called with every run session the game starts or resumes: LMS tracking (src/lms/)
   * subscribes to its step events here, so it hears each decision as the scene does.
   */
  onSession?: (session: RunSession) => void;
  /** Loads the settings overlay (a chunk of its own), once; set up by config.ts. */
  loadSettings(): Promise<void>;
  /** Where the local library of the player's own scenario files is kept (localStorage). */
  libraryStorage?: LibraryStorage;
}

/** Options from the page URL: `?lang=en&seed=42&scenario=first-meetings&src=<url>`. */
export interface LaunchOptions {
  seed?: string;
  scenario?: string;
  /** `?mode=assessment` or `?mode=practice`: a facilitator fixes the mode for every run. */
  mode?: "practice" | "assessment";
  /** An LMS restored this scenario's run: continue it without asking. */
  resume?: boolean;
  /** A scenario file to download, check and play (`?src=`). */
  src?: string;
  /** The learner as an LMS or LRS launch names them (it wins over the name in the settings). */
  learner?: { name?: string; id?: string };
}

/** What main.ts builds; the game's config adds the scene loaders. */
export type SharedServices = Omit<Services, "loadPlayScenes" | "loadProgressScene" | "loadSettings">;

export const DEFAULT_SCENARIO_ID = "first-meetings";

/** The shared services, found through the game's registry (a locator, and nothing more). */
export function services(scene: Phaser.Scene): Services {
  return scene.registry.get("services") as Services;
}

