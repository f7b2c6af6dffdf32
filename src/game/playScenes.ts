/**
 * The scenes of a run (meeting, account map, debrief) and the engine load in a chunk of
 * their own, behind the title. Only the game's config imports this: scenes reach it
 * through Services.loadPlayScenes, so no scene imports the chunk that imports it.
 */
import type { Phaser } from "../phaser/index.ts";
import { SceneKey } from "./keys.ts";

let playScenes: Promise<void> | null = null;
let settingsScene: Promise<void> | null = null;

/** Loads the settings overlay (its own small chunk) once and adds it to the game. */
export function ensureSettings(game: Phaser.Game): Promise<void> {
  settingsScene ??= import("./scenes/Settings.ts").then((m) => {
    if (!game.scene.getScene(SceneKey.Settings)) game.scene.add(SceneKey.Settings, m.Settings, false);
  });
  settingsScene.catch(() => (settingsScene = null));
  return settingsScene;
}

/**
 * Loads the meeting, account map and debrief scenes (and the engine) in their own chunk,
 * once, and adds them to the game. Called behind the title; awaited before starting a run.
 */
export function ensurePlayScenes(game: Phaser.Game): Promise<void> {
  // The scenario list and the settings overlay load with them: the list grew with opening
  // files and the local library, and the game's first visit must not.
  playScenes ??= Promise.all([import("./scenes/play.ts"), import("./scenes/ScenarioSelect.ts"), ensureSettings(game)]).then(([m, select]) => {
    for (const [key, scene] of [
      [SceneKey.ScenarioSelect, select.ScenarioSelect],
      [SceneKey.Meeting, m.Meeting],
      [SceneKey.AccountMap, m.AccountMap],
      [SceneKey.Debrief, m.Debrief],
    ] as const) {
      if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
    }
  });
  playScenes.catch(() => (playScenes = null)); // a failed download can be retried
  return playScenes;
}

let progressScene: Promise<void> | null = null;

/** Loads the progress screen (and its CSV library) in its own chunk, on first use. */
export function ensureProgressScene(game: Phaser.Game): Promise<void> {
  progressScene ??= import("./scenes/Progress.ts").then((m) => {
    if (!game.scene.getScene(SceneKey.Progress)) game.scene.add(SceneKey.Progress, m.Progress, false);
  });
  progressScene.catch(() => (progressScene = null));
  return progressScene;
}
