/**
 * Render on demand. Phaser redraws the whole canvas every animation frame, even when
 * nothing moved; in a turn-based game that is nearly every frame. Each redraw costs GPU
 * time (and battery on a laptop or phone), and where the browser composites in software
 * (headless, old GPUs, remote desktops) it also reads the whole canvas back on the main
 * thread: measured here, idle frames of 20–50 ms and a title screen at 27 fps.
 *
 * After each update, the game hashes what a frame would show: for every visible scene,
 * its cameras and every drawn object's position, scale, alpha, depth, texture frame,
 * text, colours and graphics commands. A frame is drawn only when that fingerprint
 * changed, when something outside the display list asked for one (`poke`: a resize,
 * a restored WebGL context, the page becoming visible), or as a heartbeat once a second,
 * so a change the fingerprint cannot see still shows within a second.
 *
 * No Phaser import: objects are read through the structural types below, so the logic
 * is tested in node with plain objects.
 */

/** The parts of a Phaser game object that change what it draws. All optional. */
export interface DrawnObject {
  visible?: boolean;
  alpha?: number;
  x?: number;
  y?: number;
  scaleX?: number;
  scaleY?: number;
  rotation?: number;
  depth?: number;
  originX?: number;
  originY?: number;
  width?: number;
  height?: number;
  /** Image / Text frames. */
  frame?: { name?: string | number } | null;
  texture?: { key?: string } | null;
  /** Text. */
  text?: string;
  style?: { color?: string; backgroundColor?: string | null } | null;
  /** Shapes. */
  fillColor?: number;
  fillAlpha?: number;
  strokeColor?: number;
  strokeAlpha?: number;
  lineWidth?: number;
  isFilled?: boolean;
  isStroked?: boolean;
  radius?: number;
  /** Graphics: its draw commands are numbers (and a few objects we skip). */
  commandBuffer?: readonly unknown[];
  tintTopLeft?: number;
  /** Crop (a typewriter reveals a line by cropping it). */
  isCropped?: boolean;
  _crop?: { cx?: number; cy?: number; cw?: number; ch?: number };
  /** Containers. */
  list?: readonly DrawnObject[];
}

export interface DrawnCamera {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  scrollX?: number;
  scrollY?: number;
  zoom?: number;
  rotation?: number;
  alpha?: number;
  visible?: boolean;
  backgroundColor?: { color32?: number } | null;
  fadeEffect?: { isRunning?: boolean; progress?: number } | null;
  flashEffect?: { isRunning?: boolean; progress?: number } | null;
  shakeEffect?: { isRunning?: boolean; progress?: number } | null;
}

/** A scene as the renderer sees it; `drawn` is the same test Phaser's SceneManager.render makes. */
export interface DrawnScene {
  key: string;
  drawn: boolean;
  cameras: readonly DrawnCamera[];
  objects: readonly DrawnObject[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

function mixInt(h: number, v: number): number {
  return Math.imul(h ^ v, FNV_PRIME);
}

/** Numbers are compared at 1/256 of a unit: finer than a pixel or an alpha step anyone sees. */
function mixNum(h: number, v: number | undefined): number {
  if (v === undefined) return mixInt(h, 0x5bd1e995);
  if (!Number.isFinite(v)) return mixInt(h, Number.isNaN(v) ? 0x7fc00000 : v > 0 ? 0x7f800000 : -0x800000);
  const q = Math.round(v * 256);
  return mixInt(mixInt(h, q | 0), Math.floor(q / 4294967296) | 0);
}

function mixBool(h: number, v: boolean | undefined): number {
  return mixInt(h, v === undefined ? 2 : v ? 1 : 0);
}

function mixStr(h: number, s: string | number | null | undefined): number {
  if (s === undefined || s === null) return mixInt(h, 0x2545f491);
  if (typeof s === "number") return mixNum(h, s);
  h = mixInt(h, s.length);
  for (let i = 0; i < s.length; i++) h = mixInt(h, s.charCodeAt(i));
  return h;
}

function mixObject(h: number, o: DrawnObject): number {
  h = mixBool(h, o.visible);
  if (o.visible === false) return h; // hidden: nothing else about it shows
  h = mixNum(h, o.alpha);
  h = mixNum(h, o.x);
  h = mixNum(h, o.y);
  h = mixNum(h, o.scaleX);
  h = mixNum(h, o.scaleY);
  h = mixNum(h, o.rotation);
  h = mixNum(h, o.depth);
  h = mixNum(h, o.originX);
  h = mixNum(h, o.originY);
  h = mixNum(h, o.width);
  h = mixNum(h, o.height);
  h = mixStr(h, o.texture?.key);
  h = mixStr(h, o.frame?.name);
  h = mixNum(h, o.tintTopLeft);
  if (o.isCropped) {
    h = mixNum(h, o._crop?.cx);
    h = mixNum(h, o._crop?.cy);
    h = mixNum(h, o._crop?.cw);
    h = mixNum(h, o._crop?.ch);
  }
  if (o.text !== undefined) {
    h = mixStr(h, o.text);
    h = mixStr(h, o.style?.color);
    h = mixStr(h, o.style?.backgroundColor);
  }
  if (o.isFilled !== undefined || o.isStroked !== undefined) {
    h = mixBool(h, o.isFilled);
    h = mixNum(h, o.fillColor);
    h = mixNum(h, o.fillAlpha);
    h = mixBool(h, o.isStroked);
    h = mixNum(h, o.strokeColor);
    h = mixNum(h, o.strokeAlpha);
    h = mixNum(h, o.lineWidth);
    h = mixNum(h, o.radius);
  }
  const commands = o.commandBuffer;
  if (commands) {
    h = mixInt(h, commands.length);
    for (const c of commands) if (typeof c === "number") h = mixNum(h, c);
  }
  if (o.list) {
    h = mixInt(h, o.list.length);
    for (const child of o.list) h = mixObject(h, child);
  }
  return h;
}

function mixEffect(h: number, e: { isRunning?: boolean; progress?: number } | null | undefined): number {
  h = mixBool(h, e?.isRunning);
  return e?.isRunning ? mixNum(h, e.progress) : h;
}

/** A 32-bit hash of everything the next frame would draw. Equal fingerprints draw the same frame. */
export function fingerprint(scenes: readonly DrawnScene[]): number {
  let h = FNV_OFFSET;
  for (const s of scenes) {
    if (!s.drawn) continue;
    h = mixStr(h, s.key);
    h = mixInt(h, s.cameras.length);
    for (const c of s.cameras) {
      h = mixBool(h, c.visible);
      h = mixNum(mixNum(mixNum(mixNum(h, c.x), c.y), c.width), c.height);
      h = mixNum(mixNum(mixNum(mixNum(mixNum(h, c.scrollX), c.scrollY), c.zoom), c.rotation), c.alpha); // no array: this runs every frame
      h = mixNum(h, c.backgroundColor?.color32);
      h = mixEffect(h, c.fadeEffect);
      h = mixEffect(h, c.flashEffect);
      h = mixEffect(h, c.shakeEffect);
    }
    h = mixInt(h, s.objects.length);
    for (const o of s.objects) h = mixObject(h, o);
  }
  return h >>> 0;
}

export interface RenderGateOptions {
  /** Draw at least this often, ms, whatever the fingerprint says. */
  heartbeatMs: number;
}

export interface RenderGateStats {
  drawn: number;
  skipped: number;
}

/** Decides, once per step, whether to draw. */
export class RenderGate {
  private last: number | null = null;
  private lastDrawnAt = -Infinity;
  private poked = true;
  readonly stats: RenderGateStats = { drawn: 0, skipped: 0 };

  constructor(private readonly options: RenderGateOptions = { heartbeatMs: 1000 }) {}

  /** Something the fingerprint cannot see changed the canvas (a resize clears it): draw the next step. */
  poke(): void {
    this.poked = true;
  }

  /** `print` is this step's fingerprint; `now` a monotonic time in ms. */
  shouldDraw(print: number, now: number): boolean {
    const draw = this.poked || print !== this.last || now - this.lastDrawnAt >= this.options.heartbeatMs;
    this.last = print;
    if (draw) {
      this.poked = false;
      this.lastDrawnAt = now;
      this.stats.drawn++;
    } else this.stats.skipped++;
    return draw;
  }
}
