/**
 * Canvas pixels per design pixel. The game is laid out at 1280×720; drawing the canvas
 * at that size and letting CSS stretch it to a bigger window or a high-DPI screen makes
 * Chinese text soft. So the canvas is made as big as the device pixels it covers (in
 * quarter steps, at most twice the design size) and every scene's camera zooms by the
 * same factor: layouts stay in design pixels, glyphs and shapes are drawn at full detail.
 *
 * Chosen once at start from the window; a later resize letterboxes as before.
 */
import { HEIGHT, WIDTH } from "../ui/theme.ts";

export const MAX_RENDER_SCALE = 2;

/** Pure: the scale for a window of `cssWidth`×`cssHeight` CSS pixels at `dpr` device pixels each. */
export function chooseRenderScale(dpr: number, cssWidth: number, cssHeight: number): number {
  if (!(dpr > 0) || !(cssWidth > 0) || !(cssHeight > 0)) return 1;
  const devicePerDesign = dpr * Math.min(cssWidth / WIDTH, cssHeight / HEIGHT);
  return Math.min(MAX_RENDER_SCALE, Math.max(1, Math.round(devicePerDesign * 4) / 4));
}

let current = 1;

export function setRenderScale(k: number): void {
  current = k;
}

/** A scene's settings with its main camera zoomed so that design pixel (0,0)–(1280,720) fills the canvas. */
export function sceneConfig(key: string): { key: string; cameras: object } {
  const k = current;
  return {
    key,
    cameras: { x: 0, y: 0, width: WIDTH * k, height: HEIGHT * k, zoom: k, scrollX: (WIDTH / 2) * (1 - k), scrollY: (HEIGHT / 2) * (1 - k) },
  };
}
