/** The startup baseline: the whole Phaser library, one scene, one text. Marks its first rendered frame. */
import * as Phaser from "phaser";

new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  width: 1280,
  height: 720,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  audio: { noAudio: true },
  banner: false,
  scene: {
    create(this: Phaser.Scene) {
      this.add.text(640, 360, "hello", { fontSize: "48px", color: "#ffffff" }).setOrigin(0.5);
      this.game.events.once("postrender", () => performance.mark("first-interactive"));
    },
  },
});
