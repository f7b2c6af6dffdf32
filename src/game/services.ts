import type { Phaser } from "./phaser.ts";
import type { AppStore } from "../store/index.ts";
import type { Mirror } from "../a11y/mirror.ts";
import type { Sound } from "../audio/sound.ts";
import type { CatalogueEntry } from "../content/catalogue.ts";

/** What the scenes share, built once in main.ts and kept in the game registry. */
export interface Services {
  store: AppStore;
  mirror: Mirror;
  sound: Sound;
  /** Filled by the Preloader. */
  catalogue: CatalogueEntry[];
  launch: LaunchOptions;
}

/** Options from the page URL: `?lang=en&seed=42&scenario=first-meetings`. */
export interface LaunchOptions {
  seed?: string;
  scenario?: string;
}

export const DEFAULT_SCENARIO_ID = "first-meetings";

export function services(scene: Phaser.Scene): Services {
  return scene.registry.get("services") as Services;
}
