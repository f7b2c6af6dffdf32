/**
 * The line being said: the speaker's plate, the words, and the box around them. The two
 * texts are kept from one key press to the next and only given new words (a new Phaser
 * Text is a canvas and a texture to make; most key presses only advance a line).
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
  private plate: Phaser.GameObjects.Text | null = null;
  private said: Phaser.GameObjects.Text | null = null;
  private box: Phaser.GameObjects.Rectangle | null = null;
  private size = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly width: number,
    private readonly onTap: () => void,
  ) {}

  /** Whether `o` is one of the line's own objects (kept across key presses). */
  owns(o: Phaser.GameObjects.GameObject): boolean {
    return o === this.plate || o === this.said || o === this.box;
  }

  /**
   * Shows `line` with its top at `y` in text of `size` px, and returns the words' text
   * object, the whole text wrapped and the bottom of the box. With `typed` the words start
   * empty for a typewriter to fill (the box is sized for them all, measured, not rendered).
   */
  show(line: SpokenLine, y: number, size: number, typed: boolean): { said: Phaser.GameObjects.Text; wrapped: string; bottom: number } {
    const scene = this.scene;
    const font = { size, lineSpacing: Math.round(size * 0.3) };
    if (!this.plate || !this.said || this.size !== size) {
      this.hide();
      this.plate = addText(scene, this.x + 20, y + 10, line.speaker, { size: 17, bold: true, color: COLORS.accent }).setDepth(1);
      this.said = addText(scene, this.x + 20, 0, "", font).setDepth(1);
      this.size = size;
    }
    const plate = this.plate.setText(line.speaker).setY(y + 10);
    const said = this.said.setY(plate.y + plate.height + 4);
    const wrapped = wrapText(line.text, this.width - 40, (s) => said.context.measureText(s).width).join("\n");
    said.setText(typed ? "" : wrapped);
    // The box is a shape (no texture): made anew at the words' height.
    this.box?.destroy();
    const box = scene.add.rectangle(this.x, y, this.width, said.y + textHeight(scene, wrapped, font) - y + 14, COLORS.panel, 0.94).setOrigin(0, 0).setRounded(12);
    box.setStrokeStyle(2, line.reaction ? COLORS.focus : COLORS.line).setInteractive({ useHandCursor: true });
    box.on("pointerup", this.onTap);
    this.box = box;
    return { said, wrapped, bottom: box.y + box.height };
  }

  hide(): void {
    for (const o of [this.plate, this.said, this.box]) o?.destroy();
    this.plate = this.said = this.box = null;
  }
}
