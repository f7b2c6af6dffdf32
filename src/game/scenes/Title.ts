import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { catalogueIncomplete, ensureCatalogue, findScenario, reloadCatalogue } from "../catalogueService.ts";
import { localize, t, type StringKey } from "../../content/i18n.ts";
import { LOCALES, PIPELINE_STAGES } from "../../engine/vocabulary.ts";
import { capText, MAX_TITLE_COLUMNS } from "../../engine/caps.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";
import { Phaser } from "../../phaser/index.ts";
import { isOpen, openRunOf, type AppState, type SavedRun } from "../../store/index.ts";

/** The run to offer as "Continue": the current one if still open, else the last saved of those open. */
function latestOpenRun(s: Pick<AppState, "run" | "runs">): SavedRun | undefined {
  if (isOpen(s.run)) return s.run;
  return Object.values(s.runs)
    .filter(isOpen)
    .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))[0];
}

/** A point of the drifting relationship network behind the title. */
interface NetNode {
  x: number;
  y: number;
  vx: number;
  vy: number;
}
import type { MenuItem } from "../../ui/menu.ts";

const NET_STEP_MS = 1000 / 15;

/** Title: start, continue the autosaved run, settings, language. */
export class Title extends BaseScene {
  private net: NetNode[] = [];
  private netGraphics: Phaser.GameObjects.Graphics | null = null;
  /** Time since the network last moved, ms: it moves 15 times a second, which is enough for a slow drift and a quarter of the frames to draw. */
  private netElapsed = 0;
  /** The network drifts once the scenarios and sounds have loaded. */
  private netAwake = false;
  /** Counts draws, so a redraw before the first frame does not decorate twice. */
  private drawn = 0;
  /** Notices take the place of the tagline and the stage strip. */
  private hasNotices = false;

  constructor() {
    super(SceneKey.Title);
  }

  create(): void {
    performance.mark("title:create");
    const launch = this.svc.launch;
    this.enablePause();
    this.drawWithLocale(() => this.draw());
    // The first frame with the title menu live: what bench:startup times.
    this.game.events.once("postrender", () => {
      if (!performance.getEntriesByName("first-interactive").length) performance.mark("first-interactive");
    });
    // Scenario files load behind the title, once its first frame is out (starting the
    // validation worker is not free); a ?scenario= link jumps in once they have loaded.
    // So do the scenes of a run (their own chunk). Then the sounds render in a worker. The
    // background starts drifting when all that is done, so its frames do not compete with
    // the loading on a slow machine.
    this.game.events.once("postrender", () => {
      const catalogue = ensureCatalogue(this.svc).then(() => {
        if (launch.src && this.sys.isActive()) {
          const url = launch.src;
          delete launch.src;
          this.startPlay(SceneKey.ScenarioSelect, { open: { url } });
          return;
        }
        const id = launch.scenario;
        if (!id || !this.sys.isActive()) return;
        delete launch.scenario;
        // A link to a scenario with a run in progress asks before replacing it.
        if (!findScenario(this.svc, id)) {
          // Say why the link did not open: the files did not arrive, or there is no such scenario.
          const store = this.svc.store.getState();
          if (catalogueIncomplete(this.svc)) store.notify({ key: "notice.scenario-unfetched", vars: { id: capText(id, MAX_TITLE_COLUMNS) } });
          else store.notify({ key: "notice.scenario-not-found", vars: { id: capText(id, MAX_TITLE_COLUMNS) } });
          this.draw();
          return;
        }
        if (launch.resume && openRunOf(this.svc.store.getState().runs, id)) this.resumeRun(id);
        else this.playScenario(id, () => this.draw());
      });
      // Saved runs of scenarios that are gone can only be cleared, and those whose file did not
      // download can be retried: show them once that is known.
      void catalogue.then(() => {
        if (this.sys.isActive() && (this.orphans().length || this.unfetched().length) && !launch.scenario) this.draw();
      });
      void Promise.all([catalogue, this.svc.loadPlayScenes()])
        .then(() => this.svc.sound.prepare())
        .finally(() => (this.netAwake = true));
    });
  }

  /** `focus`: the item to highlight; by default Continue where there is a run to continue, else Start. */
  private draw(focus?: number): void {
    this.clear();
    addText(this, WIDTH / 2, 96, this.t("app.name"), { size: 64, bold: true, color: COLORS.accent }).setOrigin(0.5, 0);
    const items: MenuItem[] = [{ label: this.t("title.start"), onSelect: () => this.go(SceneKey.ScenarioSelect, undefined, true) }];
    const saved = latestOpenRun(this.svc.store.getState());
    const orphans = this.orphans();
    const unfetched = this.unfetched();
    const continuing = !!saved && !orphans.includes(saved) && !unfetched.includes(saved);
    if (saved && continuing) {
      items.push({
        // The stored title never met the checker: cap it as a title (at most two lines of this menu).
        label: this.t("title.continue", { scenario: capText(localize(saved.title, this.locale) || saved.scenarioId, MAX_TITLE_COLUMNS) }),
        onSelect: () => {
          this.go();
          this.resumeRun(saved.scenarioId);
        },
      });
    }
    if (unfetched.length) {
      // Kept, never cleared here: the file may arrive on the next try.
      const names = unfetched.map((r) => capText(localize(r.title, this.locale) || r.scenarioId, MAX_TITLE_COLUMNS)).join(" · ");
      items.push({
        label: this.t("title.retry-fetch", { scenario: names }),
        onSelect: () => {
          this.go();
          void reloadCatalogue(this.svc).then(() => this.sys.isActive() && this.draw());
        },
      });
    }
    for (const orphan of orphans) {
      items.push({
        label: this.t("title.clear-orphan", { scenario: capText(localize(orphan.title, this.locale) || orphan.scenarioId, MAX_TITLE_COLUMNS) }),
        onSelect: () => {
          this.go();
          this.svc.store.getState().clearRun(orphan.scenarioId);
          this.draw();
        },
      });
    }
    items.push({ label: this.t("title.settings"), onSelect: () => this.openSettings() });
    const langIndex = items.length;
    items.push({
      label: this.t("title.language"),
      onSelect: () => {
        const next = LOCALES[(LOCALES.indexOf(this.locale) + 1) % LOCALES.length]!;
        this.svc.sound.play("move");
        this.svc.store.getState().setLocale(next); // drawWithLocale re-draws
        this.draw(langIndex);
      },
    });
    // Team sessions run on their own page (host.html), served by `npm run room`.
    items.push({ label: this.t("title.host"), onSelect: () => window.location.assign(`./host.html?lang=${this.locale}`) });

    items.push({
      label: this.t("title.progress"),
      onSelect: () => {
        this.go();
        void this.svc.loadProgressScene().then(
          () => this.sys.isActive() && this.scene.start(SceneKey.Progress),
          () => {
            this.svc.store.getState().notify({ key: "notice.load-failed" });
            this.draw();
          },
        );
      },
    });

    const crowded = items.length > 5; // continue and saves to clear, beside the usual four
    const menu = this.menu(items, { x: WIDTH / 2 - 260, y: crowded ? 300 : 320, width: 520, gap: crowded ? 6 : 10, size: 24 });
    menu.focus(Math.min(focus ?? (continuing ? 1 : 0), items.length - 1));
    // The menu is live in the first frame drawn; the decoration follows in the next one.
    const generation = ++this.drawn;
    this.game.events.once("postrender", () => {
      if (this.sys.isActive() && generation === this.drawn) this.decorate(menu.bottom);
    });

    const notices = this.svc.store.getState().notices.map((n) => t(this.locale, n.key, n.vars));
    this.hasNotices = notices.length > 0;
    if (notices.length) {
      // Where the tagline and the stage strip go otherwise (decorate leaves them out): room for several notices above the menu.
      addText(this, WIDTH / 2, 176, notices.join("\n"), { size: 17, color: COLORS.bad, width: 1160, align: "center", lineSpacing: 4 }).setOrigin(0.5, 0);
    }
    this.svc.mirror.show({
      heading: this.t("app.name"),
      lines: [this.t("app.tagline"), ...notices, ...items.map((it, i) => `${i + 1}. ${it.label}`)],
    });
  }

  /** Backdrop, relationship network, tagline, the five-step strip and the key hint. */
  private decorate(menuBottom: number): void {
    // The soft radial backdrop is the game element's CSS background (index.html), seen
    // through the transparent canvas: painted by the browser once, not by WebGL every frame
    // (a full-screen textured quad was 14 of a title frame's 20 ms in software rendering).
    const host = this.game.canvas.parentElement;
    host?.classList.add("title-backdrop");
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => host?.classList.remove("title-backdrop"));
    this.netGraphics = this.add.graphics().setDepth(-1);
    if (!this.net.length) {
      let k = 12345;
      const rnd = () => (k = (k * 48271) % 2147483647) / 2147483647;
      this.net = Array.from({ length: 26 }, () => ({ x: rnd() * WIDTH, y: rnd() * HEIGHT, vx: (rnd() - 0.5) * 0.25, vy: (rnd() - 0.5) * 0.25 }));
    }
    this.drawNet();
    addText(this, WIDTH / 2, menuBottom + 18, this.t("title.keys"), { size: 18, color: COLORS.textDim }).setOrigin(0.5, 0);
    if (this.hasNotices) return;
    addText(this, WIDTH / 2, 190, this.t("app.tagline"), { size: 24, color: COLORS.textDim, width: 900, align: "center" }).setOrigin(0.5, 0);
    // The five steps of key-account development, the course's backbone, as a strip.
    const stepW = 210;
    PIPELINE_STAGES.forEach((stage, i) => {
      const x = WIDTH / 2 + (i - 2) * (stepW + 12);
      this.add.rectangle(x, 268, stepW, 40, COLORS.chip).setRounded(8);
      addText(this, x, 268, `${i + 1} ${this.t(`stage.${stage}` as StringKey)}`, { size: 17 }).setOrigin(0.5);
    });
  }

  /** The living background: people (dots) and relationships (lines between those near each other). */
  override update(_time: number, delta: number): void {
    if (this.svc.store.getState().settings.reducedMotion || !this.netGraphics || !this.netAwake) return;
    this.netElapsed += delta;
    if (this.netElapsed < NET_STEP_MS) return;
    const frames = Math.min(this.netElapsed, 250) / (1000 / 60); // speeds are per 60 Hz frame
    this.netElapsed = 0;
    for (const n of this.net) {
      n.x = (n.x + n.vx * frames + WIDTH) % WIDTH;
      n.y = (n.y + n.vy * frames + HEIGHT) % HEIGHT;
    }
    this.drawNet();
  }

  private drawNet(): void {
    const g = this.netGraphics;
    if (!g) return;
    g.clear();
    for (let i = 0; i < this.net.length; i++) {
      const a = this.net[i]!;
      for (let j = i + 1; j < this.net.length; j++) {
        const b = this.net[j]!;
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        if (d < 190) {
          g.lineStyle(1, 0x5f86b0, 0.28 * (1 - d / 190));
          g.lineBetween(a.x, a.y, b.x, b.y);
        }
      }
      g.fillStyle(0x9cc0e6, 0.45);
      g.fillCircle(a.x, a.y, 3);
    }
  }

  /** Confirms a choice; the notices have been read. Starts scene `key` if given. */
  /** Confirms, clears the notices and (given a key) starts that scene; `play` scenes load with the run's chunk first. */
  private go(key?: string, data?: object, play = false): void {
    this.svc.sound.play("confirm");
    this.svc.store.getState().dismissNotices();
    if (key && play) this.startPlay(key, data);
    else if (key) this.scene.start(key, data);
  }

  /** Open runs whose scenario the catalogue does not have (known once it has loaded). */
  private missing(): SavedRun[] {
    if (!this.svc.catalogue) return [];
    return Object.values(this.svc.store.getState().runs).filter((r) => isOpen(r) && !findScenario(this.svc, r.scenarioId));
  }

  /**
   * Runs in progress whose scenario is no longer in the library: only when every file
   * arrived, since a run may belong to a file that failed to download.
   */
  private orphans(): SavedRun[] {
    return catalogueIncomplete(this.svc) ? [] : this.missing();
  }

  /** Runs whose scenario may be in a file that failed to download: kept, with a retry offered. */
  private unfetched(): SavedRun[] {
    return catalogueIncomplete(this.svc) ? this.missing() : [];
  }
}

