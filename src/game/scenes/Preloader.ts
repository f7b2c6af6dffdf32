import { Phaser } from "../phaser.ts";
import { SceneKey } from "../keys.ts";
import { services } from "../services.ts";
import { t } from "../../content/i18n.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";

/**
 * Shows a progress bar while the title's assets load. Scenario files and sound load
 * later, after the title is on screen, so the first visit stays small and fast.
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super(SceneKey.Preloader);
  }

  create(): void {
    // Nothing queued (the art is drawn in code): no bar to flash, straight to the title.
    if (this.load.list.size === 0) {
      this.scene.start(SceneKey.Title);
      return;
    }
    const locale = services(this).store.getState().settings.locale;
    this.add.rectangle(0, 0, WIDTH, HEIGHT, COLORS.bg).setOrigin(0, 0);
    addText(this, WIDTH / 2, HEIGHT / 2 - 60, t(locale, "loading"), { size: 28 }).setOrigin(0.5);
    const barW = 480;
    this.add.rectangle(WIDTH / 2, HEIGHT / 2, barW, 24).setStrokeStyle(2, COLORS.line);
    const bar = this.add.rectangle(WIDTH / 2 - barW / 2 + 4, HEIGHT / 2, 0, 16, COLORS.focus).setOrigin(0, 0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      bar.width = (barW - 8) * p;
    });
    services(this).mirror.show({ heading: t(locale, "loading"), lines: [] });
    this.load.once(Phaser.Loader.Events.COMPLETE, () => this.scene.start(SceneKey.Title));
    this.load.start();
  }
}
