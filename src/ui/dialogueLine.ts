/**
 * The line being said: the speaker's plate, the words, and the box around them. The texts
 * are kept from one key press to the next and only given new words (a new Phaser Text is a
 * canvas and a texture to make; most key presses only advance a line). The words are one
 * text per wrapped line, drawn whole at once: the typewriter reveals them by cropping, so a
 * tick of it draws and uploads nothing.
 */
import type { Phaser } from "../phaser/index.ts";
import { addText, textHeight } from "./text.ts";
import { COLORS } from "./theme.ts";
import { wrapText } from "./wrap.ts";

export interface SpokenLine {
  speaker: string;
  text: string;
  /** The client's reaction to the move just made: the box is outlined as a reply. */
  reaction: boolean;
}

export class DialogueLine {
  /** The speaker's name plate, one per speaker met so far (shown by turns: a text drawn once is not drawn again). */
  private plates = new Map<string, Phaser.GameObjects.Text>();
  /** One text per wrapped line of the words (more may exist than are in use: those are hidden). */
  private rows: Phaser.GameObjects.Text[] = [];
  private inUse: string[] = [];
  /** Whether each row in use has its words drawn yet. */
  private drawn: boolean[] = [];
  private box: Phaser.GameObjects.Rectangle | null = null;
  private size = 0;
  private typewriter: Phaser.Time.TimerEvent | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly width: number,
    private readonly onTap: () => void,
  ) {}

  /** Whether `o` is one of the line's own objects (kept across key presses). */
  owns(o: Phaser.GameObjects.GameObject): boolean {
    if (o === this.box || this.rows.includes(o as Phaser.GameObjects.Text)) return true;
    for (const plate of this.plates.values()) if (plate === o) return true;
    return false;
  }

  /** Characters in the words, as `reveal` counts them. */
  get length(): number {
    return this.inUse.reduce((n, row) => n + [...row].length, 0);
  }

  /**
   * Shows `line` with its top at `y` in text of `size` px, its words hidden when `typed` (for
   * `reveal` to bring in); returns the bottom of the box, which is sized for all the words.
   */
  show(line: SpokenLine, y: number, size: number, typed: boolean): number {
    const scene = this.scene;
    const spacing = Math.round(size * 0.3);
    if (this.size !== size) {
      this.hide();
      this.size = size;
    }
    if (!this.plates.has(line.speaker)) this.plates.set(line.speaker, addText(scene, this.x + 20, 0, line.speaker, { size: 17, bold: true, color: COLORS.accent }).setDepth(1));
    for (const [who, text] of this.plates) text.setVisible(who === line.speaker);
    const plate = this.plates.get(line.speaker)!.setY(y + 10);
    const top = plate.y + plate.height + 4;
    const measure = (this.rows[0] ?? this.row(0)).context;
    this.inUse = wrapText(line.text, this.width - 40, (s) => measure.measureText(s).width);
    const rowHeight = textHeight(scene, "", { size, lineSpacing: spacing }) + spacing;
    // Rows the typewriter has not reached are drawn when it reaches them: a key press draws one row.
    this.drawn = this.inUse.map((words, i) => {
      const row = this.row(i).setY(top + i * rowHeight);
      if (typed && i > 0) return false;
      row.setText(words);
      return true;
    });
    for (let i = this.inUse.length; i < this.rows.length; i++) this.rows[i]!.setVisible(false);
    this.reveal(typed ? 0 : Infinity);
    const height = top + textHeight(scene, this.inUse.join("\n"), { size, lineSpacing: spacing }) - y + 14;
    if (!this.box) {
      this.box = scene.add.rectangle(this.x, y, this.width, height, COLORS.panel, 0.94).setOrigin(0, 0).setRounded(12).setInteractive({ useHandCursor: true });
      this.box.on("pointerup", this.onTap);
    }
    const box = this.box.setY(y).setSize(this.width, height).setStrokeStyle(2, line.reaction ? COLORS.focus : COLORS.line);
    return box.y + box.height;
  }

  /** Shows the first `chars` characters of the words (all of them for Infinity): rows before are whole, the row reached is cropped. */
  reveal(chars: number): void {
    let left = chars;
    this.inUse.forEach((words, i) => {
      const row = this.rows[i]!;
      const n = [...words].length;
      if (left > 0 && !this.drawn[i]) {
        row.setText(words);
        this.drawn[i] = true;
      }
      row.setVisible(left > 0);
      if (left >= n) row.setCrop();
      else if (left > 0) {
        // Crop is in the texture's pixels: design px times the text's resolution.
        const shown = row.context.measureText([...words].slice(0, left).join("")).width;
        row.setCrop(0, 0, Math.ceil(shown * row.style.resolution), row.frame.realHeight);
      }
      left -= n;
    });
  }

  /** Whether the typewriter is still bringing the words in. */
  get typing(): boolean {
    return this.typewriter !== null;
  }

  /** Brings the words in at `cps` characters a second, then calls `done`. Each tick only crops: nothing is drawn anew. */
  type(cps: number, done: () => void): void {
    this.stop();
    const perTick = Math.max(1, Math.round(cps / 25));
    const total = this.length;
    let shown = 0;
    this.typewriter = this.scene.time.addEvent({
      delay: 40,
      loop: true,
      callback: () => {
        shown = Math.min(total, shown + perTick);
        this.reveal(shown);
        if (shown >= total) done();
      },
    });
  }

  /** Stops the typewriter and shows every word. */
  finish(): void {
    this.stop();
    this.reveal(Infinity);
  }

  stop(): void {
    this.typewriter?.remove();
    this.typewriter = null;
  }

  hide(): void {
    this.stop();
    for (const o of [this.box, ...this.rows, ...this.plates.values()]) o?.destroy();
    this.box = null;
    this.plates = new Map();
    this.rows = [];
    this.inUse = [];
    this.drawn = [];
  }

  private row(i: number): Phaser.GameObjects.Text {
    this.rows[i] ??= addText(this.scene, this.x + 20, 0, "", { size: this.size }).setDepth(1);
    return this.rows[i];
  }
}
