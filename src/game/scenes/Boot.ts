import { Phaser } from "../phaser.ts";
import { SceneKey } from "../keys.ts";
import { Preloader } from "./Preloader.ts";

/** First scene: hands over to the Preloader, or straight to the title when there is nothing to preload (a frame saved). */
export class Boot extends Phaser.Scene {
  constructor() {
    super(SceneKey.Boot);
  }
  create(): void {
    this.scene.start(Preloader.hasWork() ? SceneKey.Preloader : SceneKey.Title);
  }
}
