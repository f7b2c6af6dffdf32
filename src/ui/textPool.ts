/**
 * Texts a scene has finished with, kept hidden to be given new words instead of made
 * anew. Making a Phaser Text costs a canvas, a texture and a first draw; a meeting builds
 * a menu of several texts for every choice, and one text of the same font can take any
 * options and words in one draw (restyle in text.ts).
 */
import { Phaser } from "../phaser/index.ts";
import { addText, fontKey, restyle, type TextOptions } from "./text.ts";

const pools = new WeakMap<Phaser.Scene, TextPool>();

/** The scene's pool (emptied when the scene shuts down: its objects go with it). */
export function textPool(scene: Phaser.Scene): TextPool {
  let pool = pools.get(scene);
  if (!pool) {
    pool = new TextPool(scene);
    pools.set(scene, pool);
    scene.events.on(Phaser.Scenes.Events.SHUTDOWN, () => pool!.empty());
  }
  return pool;
}

export class TextPool {
  private readonly idle = new Map<string, Phaser.GameObjects.Text[]>();
  /** Every text the pool made, with its font. */
  private readonly fontOf = new WeakMap<Phaser.GameObjects.GameObject, string>();

  constructor(private readonly scene: Phaser.Scene) {}

  /** A text showing `content` at (x, y) with `o`: an idle one of the same font if there is one, else a new one. */
  take(x: number, y: number, content: string, o: TextOptions = {}): Phaser.GameObjects.Text {
    const key = fontKey(o);
    const list = this.idle.get(key);
    let text: Phaser.GameObjects.Text | undefined;
    // A text destroyed while idle (by something other than the pool) is skipped.
    while (list?.length && !text?.scene) text = list.pop();
    if (!text?.scene) {
      text = addText(this.scene, x, y, content, o);
      this.fontOf.set(text, key);
      return text;
    }
    text.setPosition(x, y).setOrigin(0, 0).setDepth(0).setAlpha(1).setScale(1).setVisible(true);
    return restyle(text, content, o);
  }

  /** Hands a text back (one the pool made, with no input or listeners of its own): hidden until taken again. */
  give(text: Phaser.GameObjects.Text): void {
    const key = this.fontOf.get(text);
    if (key === undefined || !text.scene) return;
    text.setVisible(false);
    const list = this.idle.get(key) ?? [];
    list.push(text);
    this.idle.set(key, list);
  }

  /** Whether `o` is one of the pool's texts (in use or idle): a scene's per-step cleanup leaves them to the pool. */
  owns(o: Phaser.GameObjects.GameObject): boolean {
    return this.fontOf.has(o);
  }

  empty(): void {
    this.idle.clear();
  }
}
