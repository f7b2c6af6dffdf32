/**
 * A vertical list of choices that works the same with mouse, touch and keyboard:
 * ↑/↓ move the focus, Enter (or Space) confirms, 1–9 pick directly. Focus shows as a
 * bright border and a ▶ marker, never by colour alone.
 */
import { Phaser } from "../phaser/index.ts";
import { textHeight, type TextOptions } from "./text.ts";
import { textPool } from "./textPool.ts";
import { COLORS } from "./theme.ts";

export interface MenuItem {
  label: string;
  /** A small tag drawn in a column before the label, e.g. a move type "I 暗示问题". */
  chip?: string;
  /** Background of the chip (its text always says what it is: colour is never the only cue). */
  chipColor?: string;
  /** Texture key of an icon drawn at the chip's start (ICON_SIZE square, at `iconScale`). */
  chipIcon?: string;
  /** A second, dimmer line, e.g. a scenario's summary. */
  detail?: string;
  onSelect(): void;
}

export interface MenuLayout {
  x: number;
  y: number;
  width: number;
  /** Space between items, px. */
  gap?: number;
  size?: number;
  /** Show "1", "2"… badges and accept digit keys. */
  numbered?: boolean;
  /** Lay items side by side, each `width` wide, instead of stacked. */
  horizontal?: boolean;
  /** Width of the chip column; 0 puts chips above the label. */
  chipWidth?: number;
  /** Item focused at first; -1 focuses none until the player moves (a meeting's options: no free answer). Default 0. */
  initialFocus?: number;
}

/** Room an icon takes at the start of a chip, design px (the icon plus a gap). */
const ICON_BOX = 20;
/** Room inside an item's frame, design px. */
const PAD = 14;

/**
 * Lays out one item's texts from its top-left corner: `place` draws (or only measures) a
 * text at a position with its options and returns its height. Returns the bottom of the
 * item's content. Building a menu and measuring one (bottomFor) share this, so they agree.
 */
function layItem(
  item: MenuItem,
  i: number,
  x: number,
  y: number,
  layout: MenuLayout,
  place: (part: "chip" | "label" | "detail", x: number, y: number, content: string, o: TextOptions) => number,
): number {
  const size = layout.size ?? 22;
  const chipW = layout.chipWidth ?? 0;
  let textX = x + PAD + 28;
  let contentY = y + PAD;
  let bottom = contentY;
  if (item.chip) {
    const chipY = contentY + (chipW ? 2 : 0);
    const chipH = place("chip", textX, chipY, item.chip, {
      size: Math.round(size * 0.72),
      color: COLORS.text,
      background: item.chipColor ?? "#36597d",
      padding: [item.chipIcon ? 4 + ICON_BOX : 4, 2, 4, 2],
      ...(chipW ? { width: chipW - 8 - (item.chipIcon ? ICON_BOX : 0) } : {}),
    });
    bottom = chipY + chipH;
    if (!chipW) contentY += chipH + 4;
  }
  textX += chipW;
  const width = layout.width - (textX - x) - PAD;
  bottom = Math.max(bottom, contentY + place("label", textX, contentY, layout.numbered ? `${i + 1}. ${item.label}` : item.label, { size, width }));
  if (item.detail) bottom += 4 + place("detail", textX, bottom + 4, item.detail, { size: Math.round(size * 0.75), color: COLORS.textDim, width });
  return bottom;
}

export class Menu {
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly frames: Phaser.GameObjects.Rectangle[] = [];
  /** One triangle marks the focused item (a shape, not a text: one texture fewer per item). */
  private readonly marker: Phaser.GameObjects.Graphics;
  private focusIndex = -1;
  private readonly markerAt: { x: number; y: number }[] = [];
  private readonly onKey: (ev: KeyboardEvent) => void;
  private enabled = true;
  /** Keys pressed before the menu was there to see (the key that opened it) must not also pick from it. */
  private shownAt = performance.now();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly items: MenuItem[],
    layout: MenuLayout,
    private readonly onFocus?: (index: number) => void,
  ) {
    const gap = layout.gap ?? 12;
    const size = layout.size ?? 22;
    // Option texts come from the scene's pool and go back to it: a meeting builds a menu for every choice.
    const pool = textPool(scene);
    this.marker = scene.add.graphics().setDepth(2);
    this.objects.push(this.marker);
    let y = layout.y;
    let x0 = layout.x;
    items.forEach((item, i) => {
      const x = x0;
      const parts: Phaser.GameObjects.Text[] = [];
      const bottom = layItem(item, i, x, y, layout, (part, tx, ty, content, o) => {
        const text = pool.take(tx, ty, content, o);
        parts.push(text);
        if (part === "chip" && item.chipIcon) {
          // Centred on the chip's first line, in the padding left for it.
          const lines = Math.max(1, text.getWrappedText().length);
          const lineH = (text.height - 4 - text.lineSpacing * (lines - 1)) / lines;
          const icon = scene.add.image(tx + 4, text.y + 2 + lineH / 2, item.chipIcon).setOrigin(0, 0.5);
          icon.setScale((ICON_BOX - 4) / icon.height).setDepth(2);
          this.objects.push(icon);
        }
        return text.height;
      });
      const height = bottom - y + PAD;
      const frame = scene.add
        .rectangle(x, y, layout.width, height, COLORS.panel)
        .setOrigin(0, 0)
        .setRounded(10)
        .setStrokeStyle(2, COLORS.line);
      frame.setInteractive({ useHandCursor: true });
      frame.on("pointerover", () => this.focus(i));
      frame.on("pointerup", () => {
        this.focus(i);
        this.activate();
      });
      frame.setDepth(0);
      for (const p of parts) p.setDepth(1);
      this.frames.push(frame);
      this.markerAt.push({ x: x + 10, y: y + PAD + size * 0.6 });
      this.objects.push(frame, ...parts);
      if (layout.horizontal) x0 += layout.width + gap;
      else y += height + gap;
    });
    this.onKey = (ev) => this.handleKey(ev);
    scene.input.keyboard?.on("keydown", this.onKey);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.destroy());
    const first = layout.initialFocus ?? 0;
    if (items.length && first >= 0) this.focus(Math.min(first, items.length - 1));
  }

  /**
   * Where the last item would end, without making the menu: its texts measured, not drawn.
   * For picking a text size that fits before building (each text is a texture to upload);
   * the built menu's `bottom` stays the truth.
   */
  static bottomFor(scene: Phaser.Scene, items: readonly MenuItem[], layout: MenuLayout): number {
    const gap = layout.gap ?? 12;
    let y = layout.y;
    items.forEach((item, i) => {
      const bottom = layItem(item, i, layout.x, y, layout, (_part, _x, _y, content, o) => textHeight(scene, content, o));
      y = bottom + PAD + (i < items.length - 1 ? gap : 0);
    });
    return items.length ? y : 0;
  }

  /** Bottom edge of the last item, for laying out what follows. */
  get bottom(): number {
    const f = this.frames.at(-1);
    return f ? f.y + f.height : 0;
  }

  /** Where item `i` is drawn, design px, for a control placed on it. */
  itemBounds(i: number): { x: number; y: number; width: number; height: number } | undefined {
    const f = this.frames[i];
    return f ? { x: f.x, y: f.y, width: f.width, height: f.height } : undefined;
  }

  get focused(): number {
    return this.focusIndex;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
  }

  /**
   * Hides the menu (unusable while hidden) or shows it. A menu can be built hidden ahead of
   * time and shown when it is wanted; keys pressed before then do not pick from it.
   */
  setShown(on: boolean): void {
    for (const o of this.objects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(on);
    this.enabled = on;
    if (on) this.shownAt = performance.now();
  }

  focus(i: number): void {
    if (i < 0 || i >= this.items.length) return;
    this.focusIndex = i;
    this.frames.forEach((f, k) => {
      const on = k === i;
      f.setStrokeStyle(on ? 4 : 2, on ? COLORS.focus : COLORS.line);
      f.setFillStyle(on ? COLORS.panelHi : COLORS.panel);
    });
    const m = this.markerAt[i]!;
    this.marker.clear().fillStyle(COLORS.focus, 1).fillTriangle(m.x, m.y - 8, m.x, m.y + 8, m.x + 12, m.y);
    this.onFocus?.(i);
  }

  activate(): void {
    if (!this.enabled || this.focusIndex < 0) return;
    this.items[this.focusIndex]?.onSelect();
  }

  private handleKey(ev: KeyboardEvent): void {
    if (!this.enabled || !this.scene.sys.isActive() || ev.timeStamp < this.shownAt) return;
    if (ev.key === "ArrowDown") this.focus(this.focusIndex < 0 ? 0 : (this.focusIndex + 1) % this.items.length);
    else if (ev.key === "ArrowUp") this.focus(this.focusIndex < 0 ? this.items.length - 1 : (this.focusIndex - 1 + this.items.length) % this.items.length);
    else if (ev.key === "Enter" || ev.key === " ") this.activate();
    else if (/^[1-9]$/.test(ev.key)) {
      const i = Number(ev.key) - 1;
      if (i < this.items.length) {
        this.focus(i);
        this.activate();
      }
    }
  }

  destroy(): void {
    this.scene.input.keyboard?.off("keydown", this.onKey);
    const pool = textPool(this.scene);
    for (const o of this.objects) {
      if (pool.owns(o)) pool.give(o as Phaser.GameObjects.Text);
      else o.destroy();
    }
    this.objects.length = 0;
  }
}
