/** Checks the editor's text off the main thread, so typing never waits for the validator. */
import { analyse } from "./analysis.ts";

self.onmessage = (ev: MessageEvent<{ id: number; text: string }>) => {
  (self as unknown as Worker).postMessage({ id: ev.data.id, analysis: analyse(ev.data.text) });
};
