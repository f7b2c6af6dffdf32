/**
 * All of Dealcraft's art, drawn in code with the Canvas 2D API (no downloaded assets).
 * Functions take a 2D context and draw; src/art/textures.ts turns them into Phaser
 * textures on first use. One consistent flat style: soft shapes, a muted office palette.
 */
import type { Department } from "../engine/vocabulary.ts";
import type { Expression } from "../ui/expression.ts";

type Ctx = CanvasRenderingContext2D;

export const PORTRAIT_W = 150;
export const PORTRAIT_H = 170;

/** What varies between stakeholder portraits; derived from a stable id. */
export interface Archetype {
  /** Drawn with a tie, or with a blouse collar and earrings. */
  presentation: "man" | "woman";
  skin: string;
  hair: string;
  hairStyle: "short" | "parted" | "long" | "bun" | "receding";
  glasses: boolean;
  suit: string;
}

const SKINS = ["#f1d2b6", "#e2b896", "#c99a74"];
const HAIRS = ["#1f1a17", "#3a2a20", "#5b4636", "#8b8b8b"];
const STYLES: Archetype["hairStyle"][] = ["short", "parted", "long", "bun", "receding"];
const SUITS: Record<Department, string> = {
  procurement: "#2f4a6d",
  finance: "#2e5a4b",
  technical: "#4a5563",
  users: "#6b5a48",
  executive: "#2b2b33",
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * A stable look for a stakeholder: the same id always gets the same face. A scenario can
 * name the archetype as "<man|woman>-<short|parted|long|bun|receding>"; the rest (skin,
 * hair colour, glasses) comes from the id.
 */
export function archetypeFor(id: string, department: Department, archetype?: string): Archetype {
  const h = hash(id);
  const [presentation, style] = (archetype ?? "").split("-") as [string, string];
  const hairStyle = (STYLES as string[]).includes(style) ? (style as Archetype["hairStyle"]) : STYLES[(h >>> 6) % STYLES.length]!;
  const who = presentation === "woman" || presentation === "man" ? presentation : hairStyle === "long" || hairStyle === "bun" ? "woman" : "man";
  return {
    presentation: who,
    skin: SKINS[h % SKINS.length]!,
    hair: department === "executive" && h % 3 === 0 ? HAIRS[3]! : HAIRS[(h >>> 3) % 3]!,
    hairStyle,
    glasses: department === "technical" || (h >>> 9) % 4 === 0,
    suit: SUITS[department],
  };
}

function ellipse(ctx: Ctx, x: number, y: number, rx: number, ry: number, fill: string): void {
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
}

function stroke(ctx: Ctx, color: string, width: number, path: () => void): void {
  ctx.beginPath();
  path();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = "round";
  ctx.stroke();
}

/** A head-and-shoulders portrait, PORTRAIT_W × PORTRAIT_H, with the given expression. */
export function drawPortrait(ctx: Ctx, a: Archetype, expression: Expression): void {
  const cx = PORTRAIT_W / 2;
  const headY = 70;
  // Long hair falls behind the head and shoulders.
  if (a.hairStyle === "long") {
    ctx.fillStyle = a.hair;
    ctx.beginPath();
    ctx.roundRect(cx - 44, headY - 30, 88, 100, 30);
    ctx.fill();
  }
  // Shoulders and suit, shirt collar and tie.
  ctx.fillStyle = a.suit;
  ctx.beginPath();
  ctx.moveTo(cx - 68, PORTRAIT_H);
  ctx.quadraticCurveTo(cx - 66, 120, cx - 26, 112);
  ctx.lineTo(cx + 26, 112);
  ctx.quadraticCurveTo(cx + 66, 120, cx + 68, PORTRAIT_H);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = "#f4f4f0";
  ctx.beginPath();
  ctx.moveTo(cx - 16, 112);
  ctx.lineTo(cx, a.presentation === "woman" ? 134 : 142);
  ctx.lineTo(cx + 16, 112);
  ctx.closePath();
  ctx.fill();
  if (a.presentation === "man") {
    ctx.fillStyle = "#9c3d3d";
    ctx.beginPath();
    ctx.moveTo(cx - 4, 118);
    ctx.lineTo(cx + 4, 118);
    ctx.lineTo(cx + 6, 150);
    ctx.lineTo(cx, 158);
    ctx.lineTo(cx - 6, 150);
    ctx.closePath();
    ctx.fill();
  } else {
    ellipse(ctx, cx, 128, 3.5, 3.5, "#d8b45a"); // a pendant
  }
  // Neck and head.
  ctx.fillStyle = a.skin;
  ctx.fillRect(cx - 11, headY + 28, 22, 18);
  ellipse(ctx, cx, headY, 34, 40, a.skin);
  ellipse(ctx, cx - 34, headY + 4, 6, 9, a.skin);
  ellipse(ctx, cx + 34, headY + 4, 6, 9, a.skin);
  // Hair on top.
  ctx.fillStyle = a.hair;
  ctx.beginPath();
  switch (a.hairStyle) {
    case "short":
      ctx.ellipse(cx, headY - 22, 35, 22, 0, Math.PI, 0);
      break;
    case "parted":
      ctx.ellipse(cx, headY - 22, 36, 22, 0, Math.PI, 0);
      ctx.moveTo(cx - 36, headY - 20);
      ctx.quadraticCurveTo(cx - 10, headY - 4, cx + 6, headY - 24);
      break;
    case "long":
      ctx.ellipse(cx, headY - 20, 37, 26, 0, Math.PI, 0);
      break;
    case "bun":
      ctx.ellipse(cx, headY - 22, 35, 21, 0, Math.PI, 0);
      ctx.moveTo(cx + 14, headY - 48);
      ctx.arc(cx, headY - 48, 14, 0, Math.PI * 2);
      break;
    case "receding":
      ctx.ellipse(cx - 30, headY - 8, 7, 16, 0, 0, Math.PI * 2);
      ctx.moveTo(cx + 37, headY - 8);
      ctx.ellipse(cx + 30, headY - 8, 7, 16, 0, 0, Math.PI * 2);
      break;
  }
  ctx.fill();
  if (a.presentation === "woman") {
    ellipse(ctx, cx - 35, headY + 14, 2.5, 2.5, "#d8b45a");
    ellipse(ctx, cx + 35, headY + 14, 2.5, 2.5, "#d8b45a");
  }
  drawFace(ctx, cx, headY, expression);
  if (a.glasses) {
    stroke(ctx, "#2a2a2a", 2, () => {
      ctx.roundRect(cx - 26, headY - 4, 20, 14, 4);
      ctx.roundRect(cx + 6, headY - 4, 20, 14, 4);
      ctx.moveTo(cx - 6, headY + 2);
      ctx.lineTo(cx + 6, headY + 2);
    });
  }
}

/** Eyes, brows and mouth for each expression: the one place faces differ. */
function drawFace(ctx: Ctx, cx: number, y: number, e: Expression): void {
  const ink = "#2a211c";
  const eyeY = y + 3;
  // Brows: angle and height carry most of the feeling.
  const brow = (side: -1 | 1, lift: number, tilt: number) =>
    stroke(ctx, ink, 3, () => {
      ctx.moveTo(cx + side * 24, eyeY - 12 - lift + side * tilt);
      ctx.lineTo(cx + side * 8, eyeY - 12 - lift - side * tilt);
    });
  switch (e) {
    case "annoyed":
      brow(-1, -2, -4);
      brow(1, -2, 4);
      break;
    case "sceptical":
      brow(-1, 0, 0);
      brow(1, 5, -1);
      break;
    case "pleased":
    case "interested":
      brow(-1, 3, 0);
      brow(1, 3, 0);
      break;
    default:
      brow(-1, 0, 0);
      brow(1, 0, 0);
  }
  // Eyes.
  if (e === "pleased") {
    for (const side of [-1, 1]) stroke(ctx, ink, 3, () => ctx.arc(cx + side * 16, eyeY + 3, 5, Math.PI * 1.1, Math.PI * 1.9));
  } else {
    const ry = e === "annoyed" ? 2 : e === "interested" ? 4.5 : 3.5;
    for (const side of [-1, 1]) ellipse(ctx, cx + side * 16, eyeY + 2, 3.5, side === 1 && e === "sceptical" ? 2 : ry, ink);
    if (e === "interested") for (const side of [-1, 1]) ellipse(ctx, cx + side * 16 + 1, eyeY, 1.2, 1.2, "#ffffff");
  }
  // Mouth.
  const my = y + 24;
  stroke(ctx, "#7a3b32", 3, () => {
    switch (e) {
      case "pleased":
        ctx.arc(cx, my - 6, 12, Math.PI * 0.15, Math.PI * 0.85);
        break;
      case "interested":
        ctx.arc(cx, my - 4, 8, Math.PI * 0.2, Math.PI * 0.8);
        break;
      case "sceptical":
        ctx.moveTo(cx - 9, my + 1);
        ctx.lineTo(cx + 9, my - 3);
        break;
      case "annoyed":
        ctx.arc(cx, my + 9, 10, Math.PI * 1.2, Math.PI * 1.8);
        break;
      default:
        ctx.moveTo(cx - 8, my);
        ctx.lineTo(cx + 8, my);
    }
  });
  if (e === "pleased") {
    ellipse(ctx, cx - 22, y + 16, 6, 3.5, "rgba(220,110,110,0.35)");
    ellipse(ctx, cx + 22, y + 16, 6, 3.5, "rgba(220,110,110,0.35)");
  }
}

/** The meeting room behind the stakeholders: wall, window with a skyline, whiteboard, table. */
export function drawRoom(ctx: Ctx, w: number, h: number): void {
  const wall = ctx.createLinearGradient(0, 0, 0, h);
  wall.addColorStop(0, "#1c2d40");
  wall.addColorStop(1, "#233a52");
  ctx.fillStyle = wall;
  ctx.fillRect(0, 0, w, h);
  // Window with a city at dusk.
  const wx = w * 0.62;
  const ww = w * 0.32;
  const wy = h * 0.08;
  const wh = h * 0.55;
  const sky = ctx.createLinearGradient(0, wy, 0, wy + wh);
  sky.addColorStop(0, "#31577e");
  sky.addColorStop(1, "#c98a5b");
  ctx.fillStyle = sky;
  ctx.fillRect(wx, wy, ww, wh);
  ctx.fillStyle = "#1a2735";
  let x = wx;
  let k = 7;
  while (x < wx + ww) {
    k = (k * 48271) % 2147483647;
    const bw = 14 + (k % 26);
    const bh = wh * (0.25 + ((k >>> 5) % 50) / 100);
    ctx.fillRect(x, wy + wh - bh, Math.min(bw, wx + ww - x), bh);
    x += bw + 3;
  }
  ctx.strokeStyle = "#0f1822";
  ctx.lineWidth = 6;
  ctx.strokeRect(wx, wy, ww, wh);
  ctx.beginPath();
  ctx.moveTo(wx + ww / 2, wy);
  ctx.lineTo(wx + ww / 2, wy + wh);
  ctx.stroke();
  // Whiteboard with a pipeline sketch.
  const bx = w * 0.05;
  const by = h * 0.1;
  const bw = w * 0.3;
  const bh = h * 0.42;
  ctx.fillStyle = "#d9dee4";
  ctx.fillRect(bx, by, bw, bh);
  ctx.strokeStyle = "#8a96a3";
  ctx.lineWidth = 3;
  ctx.strokeRect(bx, by, bw, bh);
  ctx.strokeStyle = "#3e6fa8";
  ctx.lineWidth = 3;
  ctx.beginPath();
  for (let i = 0; i < 5; i++) {
    const px = bx + 20 + (i * (bw - 40)) / 4;
    const py = by + bh * 0.7 - i * bh * 0.1;
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.stroke();
  for (let i = 0; i < 5; i++) ellipse(ctx, bx + 20 + (i * (bw - 40)) / 4, by + bh * 0.7 - i * bh * 0.1, 6, 6, "#c0503c");
  // Table edge in the foreground.
  const table = ctx.createLinearGradient(0, h * 0.8, 0, h);
  table.addColorStop(0, "#5a3d2b");
  table.addColorStop(1, "#3b271b");
  ctx.fillStyle = table;
  ctx.fillRect(0, h * 0.8, w, h * 0.2);
  ctx.fillStyle = "rgba(255,255,255,0.08)";
  ctx.fillRect(0, h * 0.8, w, 3);
}
