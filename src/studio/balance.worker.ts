/** The simulator off the main thread: balance runs, one traced run, why-not-reached, path search. */
// First: zod without its JIT before any schema is built (as the game's workers do, for a strict CSP).
import "../engine/zod-setup.ts";
import { loadScenario } from "../engine/loader.ts";
import { balance, findPath, traceRun, whyNotReached } from "./balance-core.ts";

export type BalanceRequest =
  | { id: number; kind: "balance"; text: string; runs: number }
  | { id: number; kind: "trace"; text: string; policy: string; seed: string }
  | { id: number; kind: "why"; text: string; ending: string; runs: number }
  | { id: number; kind: "path"; text: string; ending: string };

self.onmessage = (ev: MessageEvent<BalanceRequest>) => {
  const req = ev.data;
  const reply = (result: unknown) => (self as unknown as Worker).postMessage({ id: req.id, result });
  try {
    const s = loadScenario(JSON.parse(req.text));
    const runs = Math.max(1, Math.min(2000, Math.floor("runs" in req ? req.runs : 1)));
    if (req.kind === "balance") reply(balance(s, runs));
    else if (req.kind === "trace") reply(traceRun(s, req.policy, req.seed.slice(0, 64)));
    else if (req.kind === "why") reply(whyNotReached(s, req.ending, Math.min(runs, 200)));
    else reply({ path: findPath(s, req.ending, "studio") }); // the preview's default seed, so the path replays there
  } catch (e) {
    (self as unknown as Worker).postMessage({ id: req.id, error: (e as Error).message });
  }
};
