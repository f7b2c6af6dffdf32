import { describe, expect, it } from "vitest";
import { drawIcon, iconFor, ICON_SIZE, ICONS, type IconId } from "../../src/art/icons.ts";
import { TACTICS } from "../../src/engine/vocabulary.ts";
import type { MoveTag } from "../../src/engine/schema.ts";
import { EVERY_MOVE, ONE_PER_KIND } from "./every-move.ts";

/** A 2D context that records where it draws. */
function recorder() {
  const points: [number, number][] = [];
  let paints = 0;
  const ctx = {
    fillStyle: "" as unknown,
    strokeStyle: "" as unknown,
    lineWidth: 1,
    lineCap: "butt" as CanvasLineCap,
    lineJoin: "miter" as CanvasLineJoin,
    save() {},
    restore() {},
    beginPath() {},
    closePath() {},
    moveTo: (x: number, y: number) => void points.push([x, y]),
    lineTo: (x: number, y: number) => void points.push([x, y]),
    quadraticCurveTo: (cx: number, cy: number, x: number, y: number) => void points.push([cx, cy], [x, y]),
    arc: (x: number, y: number, r: number) => void points.push([x - r, y - r], [x + r, y + r]),
    fillRect: (x: number, y: number, w: number, h: number) => {
      points.push([x, y], [x + w, y + h]);
      paints++;
    },
    strokeRect: (x: number, y: number, w: number, h: number) => {
      points.push([x, y], [x + w, y + h]);
      paints++;
    },
    fill: () => void paints++,
    stroke: () => void paints++,
  };
  return { ctx, points, paints: () => paints };
}

const moves = ONE_PER_KIND;

describe("move-mark icons", () => {
  it("give every move kind an icon, and each of the six tactics its own", () => {
    for (const m of EVERY_MOVE) expect(ICONS).toContain(iconFor(m));
    const tactics = TACTICS.map((tactic) => iconFor({ kind: "tactic", tactic } as MoveTag));
    expect(new Set(tactics).size).toBe(6);
    const kinds = new Set(moves.filter((m) => m.kind !== "tactic").map(iconFor));
    expect(kinds.size).toBe(moves.length - 1); // no two kinds share an icon
    for (const t of tactics) expect(kinds.has(t)).toBe(false);
  });

  it.each(ICONS.map((id) => [id]))("draws %s inside its box", (id: IconId) => {
    const r = recorder();
    drawIcon(r.ctx, id);
    expect(r.paints()).toBeGreaterThan(0);
    expect(r.points.length).toBeGreaterThan(1);
    for (const [x, y] of r.points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(ICON_SIZE);
      expect(y).toBeLessThanOrEqual(ICON_SIZE);
    }
  });
});
