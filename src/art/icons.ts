/**
 * Icons for the move marks, drawn in code: one per move kind, and one per tactic (three
 * attacks, three defences), in white on the mark's colour. The mark's text still names
 * the move: an icon is a second cue, never the only one.
 */
import type { MoveTag } from "../engine/schema.ts";
import type { Tactic } from "../engine/vocabulary.ts";

type Ctx = Pick<
  CanvasRenderingContext2D,
  "beginPath" | "moveTo" | "lineTo" | "arc" | "quadraticCurveTo" | "closePath" | "fill" | "stroke" | "fillRect" | "strokeRect" | "save" | "restore"
> & { fillStyle: unknown; strokeStyle: unknown; lineWidth: number; lineCap: CanvasLineCap; lineJoin: CanvasLineJoin };

export const ICONS = [
  "question",
  "presentation",
  "ear",
  "guerrilla",
  "flanking",
  "frontal",
  "barrier",
  "in-depth",
  "strategic",
  "handshake",
  "spotlight",
  "close",
  "talk",
  "research",
  "rules",
  "screen",
] as const;
export type IconId = (typeof ICONS)[number];

const TACTIC_ICON: Record<Tactic, IconId> = {
  guerrilla: "guerrilla",
  flanking: "flanking",
  frontal: "frontal",
  barrier: "barrier",
  "in-depth": "in-depth",
  strategic: "strategic",
};

/** The icon of a move's mark. */
export function iconFor(move: MoveTag): IconId {
  switch (move.kind) {
    case "spin":
      return "question";
    case "pitch":
      return "presentation";
    case "listen":
      return "ear";
    case "tactic":
      return TACTIC_ICON[move.tactic];
    case "relationship":
      return "handshake";
    case "awareness":
      return "spotlight";
    case "close":
      return "close";
    case "talk":
      return "talk";
    case "research":
      return "research";
    case "rules":
      return "rules";
    case "screen":
      return "screen";
  }
}

/** Side of an icon, design px. */
export const ICON_SIZE = 16;

/** Draws `id` in a 16×16 box at the origin, in `color`. */
export function drawIcon(ctx: Ctx, id: IconId, color = "#ffffff"): void {
  ctx.save();
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.8;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  const line = (pts: [number, number][], close = false) => {
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    if (close) ctx.closePath();
    ctx.stroke();
  };
  const shape = (pts: [number, number][]) => {
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.fill();
  };
  const dot = (x: number, y: number, r: number) => {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  };
  const arrowHead = (x: number, y: number, dx: number, dy: number) =>
    shape([
      [x, y],
      [x - dx * 4 - dy * 3, y - dy * 4 + dx * 3],
      [x - dx * 4 + dy * 3, y - dy * 4 - dx * 3],
    ]);
  const shield = (x: number, y: number, w: number, h: number) =>
    line(
      [
        [x, y + 1],
        [x + w / 2, y],
        [x + w, y + 1],
        [x + w, y + h * 0.5],
        [x + w / 2, y + h],
        [x, y + h * 0.5],
      ],
      true,
    );
  switch (id) {
    case "question": // a speech bubble with a question mark: a SPIN question
      line([[2, 2], [14, 2], [14, 11], [7, 11], [4, 14], [4, 11], [2, 11]], true);
      ctx.beginPath();
      ctx.moveTo(6.2, 5);
      ctx.quadraticCurveTo(8, 2.8, 9.8, 5);
      ctx.quadraticCurveTo(10, 6.6, 8, 7.4);
      ctx.stroke();
      dot(8, 9.4, 0.9);
      break;
    case "presentation": // a board on a stand with rising bars: presenting value (FABE)
      line([[1.5, 2], [14.5, 2], [14.5, 11], [1.5, 11]], true);
      line([[8, 11], [8, 14.5]]);
      line([[5, 14.5], [11, 14.5]]);
      ctx.fillRect(4, 7, 2, 2.5);
      ctx.fillRect(7, 5.5, 2, 4);
      ctx.fillRect(10, 4, 2, 5.5);
      break;
    case "ear": // listening
      ctx.beginPath();
      ctx.moveTo(4.5, 6.5);
      ctx.quadraticCurveTo(4.5, 1.5, 9, 1.5);
      ctx.quadraticCurveTo(13.5, 1.5, 13.5, 6.5);
      ctx.quadraticCurveTo(13.5, 9.5, 10.5, 11);
      ctx.quadraticCurveTo(9, 12, 9, 13.5);
      ctx.quadraticCurveTo(8.5, 15, 6.5, 14.5);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(7, 6.5);
      ctx.quadraticCurveTo(7, 4, 9, 4);
      ctx.quadraticCurveTo(11, 4, 11, 6.5);
      ctx.stroke();
      break;
    case "guerrilla": // small raids from several sides
      line([[2, 4], [6, 6]]);
      arrowHead(6.8, 6.4, 0.9, 0.45);
      line([[2, 12], [6, 10]]);
      arrowHead(6.8, 9.6, 0.9, -0.45);
      line([[14, 3], [11.5, 6.5]]);
      arrowHead(11, 7.3, -0.55, 0.8);
      dot(9, 10.5, 1.6);
      break;
    case "flanking": // around the rival's side
      ctx.beginPath();
      ctx.moveTo(2, 13);
      ctx.quadraticCurveTo(2, 3, 11, 3.5);
      ctx.stroke();
      arrowHead(14, 3.6, 1, 0);
      ctx.fillRect(7.5, 8, 4, 6);
      break;
    case "frontal": // head-on
      line([[1.5, 8], [10, 8]]);
      arrowHead(11.5, 8, 1, 0);
      line([[14, 3], [14, 13]]);
      break;
    case "barrier": // a wall of switching costs
      ctx.strokeRect(1.5, 3.5, 13, 10);
      line([[1.5, 8.5], [14.5, 8.5]]);
      line([[6, 3.5], [6, 8.5]]);
      line([[11, 3.5], [11, 8.5]]);
      line([[4, 8.5], [4, 13.5]]);
      line([[8.5, 8.5], [8.5, 13.5]]);
      line([[12.5, 8.5], [12.5, 13.5]]);
      break;
    case "in-depth": // layered defence: two shields
      shield(1.5, 2, 8.5, 11.5);
      shield(6.5, 3, 8, 11.5);
      break;
    case "strategic": // hold the high ground: a flag on a hill
      line([[4, 14.5], [4, 1.5]]);
      shape([[4.8, 2], [13, 4.5], [4.8, 7]]);
      line([[1, 14.5], [15, 14.5]]);
      break;
    case "handshake": // relationships: two linked rings
      ctx.beginPath();
      ctx.arc(5.8, 8, 4, 0, Math.PI * 2);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(10.2, 8, 4, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case "spotlight": // awareness: a light bulb
      ctx.beginPath();
      ctx.arc(8, 6.5, 4.5, Math.PI * 0.8, Math.PI * 2.2);
      ctx.lineTo(10, 12);
      ctx.lineTo(6, 12);
      ctx.closePath();
      ctx.stroke();
      line([[6.2, 14.2], [9.8, 14.2]]);
      break;
    case "close": // asking for the order: a pen signing
      line([[3, 13], [12.5, 3.5], [14, 5], [4.5, 14.5], [2.5, 15], [3, 13]], true);
      line([[1, 15], [6, 15]]);
      break;
    case "talk": // small talk: a bubble with three dots
      line([[1.5, 3], [14.5, 3], [14.5, 11], [6, 11], [3, 14], [3, 11], [1.5, 11]], true);
      dot(5, 7, 1.1);
      dot(8, 7, 1.1);
      dot(11, 7, 1.1);
      break;
    case "research": // a magnifier
      ctx.beginPath();
      ctx.arc(6.5, 6.5, 4.5, 0, Math.PI * 2);
      ctx.stroke();
      line([[10, 10], [14.5, 14.5]]);
      break;
    case "rules": // the tender's terms: a page with lines and a tick
      line([[3, 1.5], [11, 1.5], [13.5, 4], [13.5, 14.5], [3, 14.5]], true);
      line([[5.5, 5.5], [10.5, 5.5]]);
      line([[5.5, 8.5], [10.5, 8.5]]);
      line([[5.5, 11.5], [7, 13], [10.5, 10]]);
      break;
    case "screen": // choosing the opponents: crosshairs
      ctx.beginPath();
      ctx.arc(8, 8, 5.5, 0, Math.PI * 2);
      ctx.stroke();
      line([[8, 0.5], [8, 4.5]]);
      line([[8, 11.5], [8, 15.5]]);
      line([[0.5, 8], [4.5, 8]]);
      line([[11.5, 8], [15.5, 8]]);
      dot(8, 8, 1.2);
      break;
  }
  ctx.restore();
}
