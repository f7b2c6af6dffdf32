/** Checks the editor's text off the main thread, so typing never waits for the validator. */
// First: zod without its JIT before any schema is built (as the game's workers do, for a strict CSP).
import "../engine/zod-setup.ts";
import { analyse } from "./analysis.ts";

self.onmessage = (ev: MessageEvent<{ id: number; text: string }>) => {
  (self as unknown as Worker).postMessage({ id: ev.data.id, analysis: analyse(ev.data.text) });
};
