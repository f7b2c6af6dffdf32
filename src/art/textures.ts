/** Turns the code-drawn art into Phaser textures, once each, on first use. */
import type { Phaser } from "../game/phaser.ts";
import type { Department } from "../engine/vocabulary.ts";
import type { Expression } from "../ui/expression.ts";
import { archetypeFor, drawPortrait, drawRoom, drawTitleBackdrop, PORTRAIT_H, PORTRAIT_W } from "./draw.ts";

function canvasTexture(scene: Phaser.Scene, key: string, w: number, h: number, draw: (ctx: CanvasRenderingContext2D) => void): string {
  if (scene.textures.exists(key)) return key;
  const tex = scene.textures.createCanvas(key, w, h);
  if (!tex) return key;
  draw(tex.getContext());
  tex.refresh();
  return key;
}

export function roomTexture(scene: Phaser.Scene, w: number, h: number): string {
  return canvasTexture(scene, `room-${w}x${h}`, w, h, (ctx) => drawRoom(ctx, w, h));
}

/** The title backdrop is a soft gradient: drawn at a quarter of the size (a 16th of the upload) and scaled up by the caller. */
export function titleTexture(scene: Phaser.Scene, w: number, h: number): string {
  return canvasTexture(scene, `title-${w}x${h}`, w, h, (ctx) => drawTitleBackdrop(ctx, w, h));
}
export const TITLE_BACKDROP_SCALE = 4;

/** A stakeholder's portrait with an expression; the look is stable per stakeholder id. */
export function portraitTexture(scene: Phaser.Scene, id: string, department: Department, expression: Expression, archetype?: string): string {
  return canvasTexture(scene, `portrait-${id}-${archetype ?? ""}-${expression}`, PORTRAIT_W, PORTRAIT_H, (ctx) =>
    drawPortrait(ctx, archetypeFor(id, department, archetype), expression),
  );
}
