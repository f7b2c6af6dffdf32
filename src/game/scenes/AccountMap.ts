import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { localize, taskLines, type StringKey } from "../../content/i18n.ts";
import { levelIndex } from "../../engine/account.ts";
import type { MapView } from "../../engine/view/account.ts";
import { DEPARTMENTS, LEVELS, type Department } from "../../engine/vocabulary.ts";
import { addText } from "../../ui/text.ts";
import { artDensity, portraitTexture } from "../../art/textures.ts";
import { PORTRAIT_H } from "../../art/draw.ts";
import { expressionOf } from "../../ui/expression.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";

export interface AccountMapData {
  /** The paused meeting scene to return to. */
  from: string;
  view: MapView;
}

/**
 * The account view a CRM would give a rep: the five-stage pipeline with its gates, the
 * shortlist tasks, time and budget, competitor news, and the client organisation by
 * department with each relationship's level and the colleagues paired with it.
 */
export class AccountMap extends BaseScene {
  private data_!: AccountMapData;

  constructor() {
    super(SceneKey.AccountMap);
  }

  create(data: AccountMapData): void {
    this.data_ = data;
    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive()) return;
      if (["Escape", "Enter", "m", "M", " "].includes(ev.key)) this.back();
    });
    this.drawWithLocale(() => this.draw());
    // Touch: a tap anywhere returns to the meeting.
    this.input.on("pointerup", () => this.back());
  }

  private back(): void {
    this.svc.sound.play("move");
    this.scene.stop();
    this.scene.wake(this.data_.from);
  }

  private draw(): void {
    this.clear();
    const v = this.data_.view;
    const mirror: string[] = [];
    const tr = (k: string, v?: Record<string, string | number>) => this.t(k as StringKey, v);

    addText(this, 32, 18, `${tr("map.heading")} · ${localize(v.client, this.locale)}`, { size: 28, bold: true, color: COLORS.accent });
    const res = `${tr("panel.resources", { weeks: v.weeks, budget: v.budget })}  ·  ${tr("panel.switching", { n: v.switchingCost })}`;
    addText(this, WIDTH - 32, 26, res, { size: 17, color: COLORS.textDim }).setOrigin(1, 0);
    mirror.push(res);

    // The pipeline as a journey: five chevrons, the scenario's stages lit, gates marked.
    addText(this, 32, 66, tr("map.pipeline"), { size: 18, bold: true });
    const stepW = (WIDTH - 64 - 4 * 10) / 5;
    v.pipeline.forEach((step, i) => {
      const x = 32 + i * (stepW + 10);
      const here = step.current;
      const box = this.add.rectangle(x, 96, stepW, 70, here ? 0x7a5b14 : step.inScenario ? COLORS.chip : 0x1b2737).setOrigin(0, 0).setRounded(10);
      box.setStrokeStyle(here ? 3 : 1, here ? COLORS.focus : COLORS.line);
      const name = `${i + 1} ${tr(`stage.${step.pipeline}`)}`;
      addText(this, x + 10, 102, name, { size: 17, bold: true, width: stepW - 20 });
      const note = here ? tr("map.current") : !step.inScenario ? tr("map.not-in-scenario") : step.gate ? tr(step.gate === "open" ? "map.gate-open" : "map.gate-closed") : "";
      if (note) addText(this, x + 10, 140, note, { size: 14, color: note === tr("map.gate-closed") ? COLORS.bad : COLORS.textDim, width: stepW - 20 });
      mirror.push(note ? tr("format.label", { label: name, text: note }) : name);
    });

    // Left column: the client organisation by department, and our side with the snowball pairs.
    addText(this, 32, 184, tr("map.people"), { size: 18, bold: true });
    const colW = (780 - 4 * 8) / 5;
    const depts = DEPARTMENTS as readonly Department[];
    depts.forEach((d, i) => {
      const x = 32 + i * (colW + 8);
      this.add.rectangle(x, 214, colW, 300, 0x1b2737).setOrigin(0, 0).setRounded(8);
      addText(this, x + 8, 220, tr(`dept.${d}`), { size: 15, bold: true, color: COLORS.accent });
      let y = 246;
      const members = v.stakeholders.filter((who) => who.department === d);
      const face = members.length > 1 ? 48 : 72;
      for (const who of members) {
        this.add.image(x + colW / 2, y, portraitTexture(this, who.id, who.department, expressionOf(who), who.archetype)).setOrigin(0.5, 0).setScale(face / PORTRAIT_H / artDensity(this));
        y += face + 4;
        const lvl = levelIndex(who.level);
        const bar = LEVELS.map((_l, k) => (k <= lvl ? "■" : "□")).join("");
        // Meters are labelled, never bare numbers (a phone player cannot hover for a legend).
        const meters = tr("meter.short", { trust: who.trust, interest: who.interest, emotion: who.emotion });
        const text = `${localize(who.name, this.locale)}\n${localize(who.title, this.locale)}\n${tr(`role.${who.role}`)}\n${bar} ${tr(`level.${who.level}`)}\n${meters}`;
        const t = addText(this, x + 8, y, text, { size: 13, width: colW - 16, lineSpacing: 2 });
        y += t.height + 10;
        const person = tr("format.speaker", {
          name: localize(who.name, this.locale),
          title: localize(who.title, this.locale) + tr("format.list") + tr(`role.${who.role}`),
        });
        mirror.push(tr("format.label", { label: tr(`dept.${d}`), text: `${person} — ${tr(`level.${who.level}`)}${tr("format.paren", { text: meters })}` }));
      }
    });
    // Our side: the rep plus every colleague brought in, each linked to the department they pair with.
    addText(this, 32, 526, tr("map.our-side"), { size: 16, bold: true });
    const ours = [{ label: tr("map.rep"), dept: undefined as Department | undefined }];
    for (const c of v.ourSide) ours.push({ label: tr(`colleague.${c.colleague}`), dept: c.department });
    const g = this.add.graphics();
    ours.forEach((o, i) => {
      const x = 32 + i * 150;
      const chip = addText(this, x, 556, o.label, { size: 14, bold: true, background: "#36597d", padding: [8, 4] });
      if (o.dept) {
        const dx = 32 + depts.indexOf(o.dept) * (colW + 8) + colW / 2;
        g.lineStyle(2, COLORS.focus, 0.9);
        g.lineBetween(x + chip.width / 2, 556, dx, 514);
      }
    });
    mirror.push(tr("format.label", { label: tr("map.our-side"), text: ours.map((o) => o.label).join(tr("format.enum")) }));

    // Right column: shortlist tasks and competitor news.
    const rx = 840;
    let ry = 184;
    if (v.tasks.length) {
      addText(this, rx, ry, tr("panel.tasks"), { size: 18, bold: true });
      ry += 28;
      const tasks = taskLines(v.tasks, this.locale);
      const tt = addText(this, rx, ry, tasks.join("\n"), { size: 15, width: WIDTH - rx - 32, lineSpacing: 4 });
      ry += tt.height + 16;
      mirror.push(tr("format.label", { label: tr("panel.tasks"), text: tasks.join(tr("format.list")) }));
    }
    addText(this, rx, ry, tr("map.news"), { size: 18, bold: true });
    ry += 28;
    const rivals = v.rivals.map((c) =>
      tr("map.rival", { name: localize(c.name, this.locale), position: tr(`position.${c.position}`), standing: c.standing, excluded: c.excluded ? tr("map.excluded") : "" }),
    );
    const news = v.news.map((n) => `· ${localize(n, this.locale)}`);
    const nt = addText(this, rx, ry, [...rivals, ...(news.length ? news : [tr("map.no-news")])].join("\n"), { size: 14, width: WIDTH - rx - 32, lineSpacing: 4 });
    ry += nt.height + 14;
    mirror.push(...rivals, ...(news.length ? news : [tr("map.no-news")]));

    // The notebook: what the rep wrote down, in the client's words (options may cite it later).
    addText(this, rx, ry, tr("map.notebook"), { size: 16, bold: true, width: WIDTH - rx - 32 });
    ry += 26;
    const notes = v.notebook.map((n) => `· ${localize(n, this.locale)}`);
    addText(this, rx, ry, (notes.length ? notes : [tr("map.no-notes")]).join("\n"), { size: 14, width: WIDTH - rx - 32, lineSpacing: 4, color: COLORS.textDim });
    mirror.push(tr("map.notebook"), ...(notes.length ? notes : [tr("map.no-notes")]));

    addText(this, WIDTH / 2, HEIGHT - 34, tr("map.keys"), { size: 16, color: COLORS.textDim }).setOrigin(0.5, 0);
    this.svc.mirror.show({ heading: tr("map.heading"), lines: mirror });
  }
}
