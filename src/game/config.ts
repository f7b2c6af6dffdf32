import { Phaser } from "./phaser.ts";
import { Boot } from "./scenes/Boot.ts";
import { Preloader } from "./scenes/Preloader.ts";
import { Title } from "./scenes/Title.ts";
import { ScenarioSelect } from "./scenes/ScenarioSelect.ts";
import { Meeting } from "./scenes/Meeting.ts";
import { Debrief } from "./scenes/Debrief.ts";
import { Settings } from "./scenes/Settings.ts";
import { AccountMap } from "./scenes/AccountMap.ts";
import { COLORS, HEIGHT, WIDTH } from "../ui/theme.ts";
import type { Services } from "./services.ts";

/** Starts the game in `parent` with the shared services. 16:9 design size, letterboxed to any window. */
export function startGame(parent: HTMLElement, services: Services): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: COLORS.bgText,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    audio: { noAudio: true }, // Howler alone owns sound
    banner: false,
    input: { keyboard: true, mouse: true, touch: true, gamepad: false },
    scene: [Boot, Preloader, Title, ScenarioSelect, Meeting, Debrief, Settings, AccountMap],
    callbacks: {
      preBoot: (g) => g.registry.set("services", services),
    },
  });
  return game;
}
