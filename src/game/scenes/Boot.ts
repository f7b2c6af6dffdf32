import { Phaser } from "../phaser.ts";
import { SceneKey } from "../keys.ts";

/** First scene: nothing to load yet; hands over to the Preloader at once. */
export class Boot extends Phaser.Scene {
  constructor() {
    super(SceneKey.Boot);
  }
  create(): void {
    this.scene.start(SceneKey.Preloader);
  }
}
