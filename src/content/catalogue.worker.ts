/**
 * Downloads and validates the bundled scenarios off the main thread, so the schema
 * validator never blocks a frame while the player is on the title screen.
 */
// First: zod without its JIT before any schema is built (a strict CSP forbids eval).
import "../engine/zod-setup.ts";
import { loadCatalogue } from "./catalogue.ts";

self.onmessage = async (ev: MessageEvent<{ defaultId: string }>) => {
  const entries = await loadCatalogue(ev.data.defaultId);
  (self as unknown as Worker).postMessage(entries);
};
