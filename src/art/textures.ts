/** Turns the code-drawn art into Phaser textures, once each, on first use. */
import type { Phaser } from "../phaser/index.ts";
import type { Department } from "../engine/vocabulary.ts";
import type { Expression } from "../ui/expression.ts";
import { archetypeFor, drawPortrait, drawRoom, PORTRAIT_H, PORTRAIT_W } from "./draw.ts";
import { drawIcon, ICON_SIZE, type IconId } from "./icons.ts";

/**
 * Canvas pixels per design pixel for drawn art: the camera's zoom (see renderScale.ts).
 * Art is drawn that much larger and shown at `1 / artDensity` scale, so it stays sharp.
 */
export function artDensity(scene: Phaser.Scene): number {
  return scene.cameras?.main?.zoom || 1;
}

function canvasTexture(scene: Phaser.Scene, key: string, w: number, h: number, draw: (ctx: CanvasRenderingContext2D) => void, density = 1): string {
  const fullKey = density === 1 ? key : `${key}@${density}`;
  if (scene.textures.exists(fullKey)) return fullKey;
  const tex = scene.textures.createCanvas(fullKey, Math.ceil(w * density), Math.ceil(h * density));
  if (!tex) return fullKey;
  const ctx = tex.getContext();
  ctx.scale(density, density);
  draw(ctx);
  tex.refresh();
  return fullKey;
}

/** The meeting room, `w`×`h` design pixels; show it at `1 / artDensity(scene)` scale. */
export function roomTexture(scene: Phaser.Scene, w: number, h: number): string {
  return canvasTexture(scene, `room-${w}x${h}`, w, h, (ctx) => drawRoom(ctx, w, h), artDensity(scene));
}


/** A stakeholder's portrait with an expression; the look is stable per stakeholder id. Show it at `1 / artDensity(scene)` scale. */
export function portraitTexture(scene: Phaser.Scene, id: string, department: Department, expression: Expression, archetype?: string): string {
  return canvasTexture(
    scene,
    `portrait-${id}-${archetype ?? ""}-${expression}`,
    PORTRAIT_W,
    PORTRAIT_H,
    (ctx) => drawPortrait(ctx, archetypeFor(id, department, archetype), expression),
    artDensity(scene),
  );
}

/** A move-mark icon (src/art/icons.ts), white, ICON_SIZE design px; show it at `1 / artDensity(scene)` scale. */
export function iconTexture(scene: Phaser.Scene, id: IconId): string {
  return canvasTexture(scene, `icon-${id}`, ICON_SIZE, ICON_SIZE, (ctx) => drawIcon(ctx, id), artDensity(scene));
}
