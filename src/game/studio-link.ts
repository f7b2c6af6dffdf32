/**
 * The game inside the studio (`index.html?studio=1`, loaded only then, in its own chunk):
 * takes a scenario and the choices to replay from the parent page, checks the scenario in
 * the catalogue worker like any opened file, replays as many choices as still fit, and
 * starts the meeting there. After every step it tells the studio the run's state.
 * The game's storage is in memory in this mode, so testing never touches a player's saves.
 */
import type { Phaser } from "../phaser/index.ts";
import type { Services } from "./services.ts";
import { ensureCatalogue, freezeEntry } from "./catalogueService.ts";
import type { CatalogueEntry } from "../content/catalogue.ts";
import { checkOwnScenario } from "./own-scenarios.ts";
import { SceneKey } from "./keys.ts";
import { parsePlayRequest, STUDIO_PROTOCOL, type GameMessage, type LiveState, type PlayRequest, type ReplayChoice } from "../content/studio-protocol.ts";
import { createRunner, type Runner } from "../engine/runner.ts";
import { decisionsOf, restoreRun, saveRun } from "../engine/save.ts";
import { localize } from "../content/i18n.ts";
import type { Scenario } from "../engine/loader.ts";

function post(message: GameMessage): void {
  window.parent.postMessage(message, location.origin);
}

/** Replays the choices that still fit the (edited) scenario; stops at the first that does not. */
function replay(scenario: Scenario, seed: string, decisions: readonly ReplayChoice[]): { runner: Runner; replayed: number } {
  const runner = createRunner(scenario, seed);
  let replayed = 0;
  for (const d of decisions) {
    for (let i = 0; i < 10_000 && runner.status === "line"; i++) runner.advance();
    if (runner.status !== "awaiting-choice" || runner.state.node !== d.node || !runner.options.some((o) => o.id === d.option)) break;
    runner.choose(d.option);
    replayed++;
  }
  return { runner, replayed };
}

function liveState(runner: Runner, locale: "zh-CN" | "en"): LiveState {
  const st = runner.state;
  const a = st.account;
  return {
    node: st.node,
    status: runner.status,
    stage: st.stage,
    ending: st.ending,
    // The runner's scorecard, as the game's debrief shows it (a disqualified run scores 0).
    total: runner.score.total,
    vars: { ...st.vars },
    weeks: a.weeks,
    budget: a.budget,
    risk: a.risk,
    pairs: [...a.pairs],
    tasks: { ...a.tasks },
    people: Object.entries(a.stakeholders).map(([id, p]) => ({
      id,
      name: localize(runner.scenario.cast[id]?.name, locale),
      level: p.level,
      trust: p.trust,
      interest: p.interest,
      emotion: p.emotion,
      needs: { ...p.needs },
    })),
    decisions: decisionsOf(st).map(({ node, option }) => ({ node, option })),
  };
}

export function listenToStudio(game: Phaser.Game, svc: Services): void {
  let current: { scenario: Scenario; requested: number; replayed: number } | null = null;
  // Every autosave is a step: report the state the run is in now.
  svc.store.subscribe((s, prev) => {
    if (!current || s.run === prev.run || !s.run || s.run.scenarioId !== current.scenario.meta.id) return;
    try {
      const runner = restoreRun(current.scenario, s.run.snapshot);
      post({ protocol: STUDIO_PROTOCOL, kind: "state", replayed: current.replayed, requested: current.requested, state: liveState(runner, s.settings.locale) });
    } catch {
      // a snapshot the engine cannot read back is the game's own business; the studio just misses one update
    }
  });

  const play = async (req: PlayRequest) => {
    const result = await checkOwnScenario({ file: { file: "studio.json", text: req.text } }, []);
    if (!result.entry.ok) {
      post({ protocol: STUDIO_PROTOCOL, kind: "problems", problems: result.entry.problems.map(({ path, message }) => ({ path, message })) });
      return;
    }
    const entry = freezeEntry(result.entry);
    if (!entry.ok) return;
    const scenario = entry.scenario;
    // The studio's copy replaces any scenario with its id (a template copied from a bundled one). The
    // bundled catalogue loads first: loading after would put the bundled file back under the same id,
    // and "play again" in the debrief would start it instead of the author's.
    const bundled = await ensureCatalogue(svc).catch(() => [] as CatalogueEntry[]);
    svc.catalogue = [entry, ...bundled.filter((e) => !(e.ok && e.scenario.meta.id === scenario.meta.id))];
    const { runner, replayed } = replay(scenario, req.seed, req.decisions);
    current = { scenario, requested: req.decisions.length, replayed };
    await svc.loadPlayScenes();
    for (const s of game.scene.getScenes(true)) if (s.scene.key !== SceneKey.Meeting) game.scene.stop(s.scene.key);
    const store = svc.store.getState();
    store.saveRun({ scenarioId: scenario.meta.id, title: scenario.meta.title, snapshot: saveRun(runner) });
    game.scene.start(SceneKey.Meeting, { scenarioId: scenario.meta.id, resume: true });
    // The author clicked in the studio to restart: the keyboard belongs to the game again.
    if (req.focus) window.focus();
  };

  window.addEventListener("message", (ev: MessageEvent) => {
    if (ev.origin !== location.origin || ev.source !== window.parent) return;
    const req = parsePlayRequest(ev.data);
    if (req) void play(req);
  });
  post({ protocol: STUDIO_PROTOCOL, kind: "ready" });
}
