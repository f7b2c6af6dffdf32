import { Phaser } from "../phaser.ts";
import { SceneKey } from "../keys.ts";
import { services } from "../services.ts";
import { bundledScenarioUrls, entryFromText, sortCatalogue } from "../../content/catalogue.ts";
import { DEFAULT_SCENARIO_ID } from "../services.ts";
import { t } from "../../content/i18n.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";

/** Loads the bundled scenarios through Phaser's loader with a progress bar, validates them, then shows the title. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super(SceneKey.Preloader);
  }

  create(): void {
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
    void this.loadScenarios();
  }

  private async loadScenarios(): Promise<void> {
    const files = await bundledScenarioUrls();
    for (const f of files) this.load.text(`scenario:${f.file}`, f.url);
    this.load.once(Phaser.Loader.Events.COMPLETE, () => {
      const entries = files.map((f) => {
        const text = this.cache.text.get(`scenario:${f.file}`) as string | undefined;
        return text === undefined
          ? { file: f.file, ok: false as const, problems: [{ path: "$", message: "could not be downloaded" }] }
          : entryFromText(f.file, text);
      });
      services(this).catalogue = sortCatalogue(entries, DEFAULT_SCENARIO_ID);
      this.scene.start(SceneKey.Title);
    });
    this.load.start();
  }
}
