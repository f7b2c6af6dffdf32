/**
 * A real team-session record for the team view's tests: a room of three plays the short
 * bundled scenario through the room server's own rules (server/session.ts), each person
 * voting by a fixed habit, and the facilitator's JSON export is made as the server makes it.
 */
import { readFileSync } from "node:fs";
import { loadScenario } from "../../src/engine/index.ts";
import { castVote, hostAct, joinRoom, newRoom } from "../../server/session.ts";
import { sessionJson } from "../../server/exports.ts";

const ice = loadScenario(JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));

/** `names[i]` votes the option at position `(i + round) % n` — a spread of choices, not all on the best. */
export function sessionRecord(code: string, names: readonly string[], seed = 1): object {
  let now = 1_800_000_000_000;
  const rec = newRoom({ scenarioId: "ice-to-eskimos", mode: "room", timerSec: 0, teams: [], showMoves: true, locale: "en" }, code, "k", seed, now);
  const pids = names.map((name, i) => {
    const pid = `p${String(i).padStart(11, "0")}`;
    joinRoom(rec, { clientKey: `c${i}`, name, team: null, pid }, now);
    return pid;
  });
  hostAct(rec, { type: "start" }, ice, (now += 1000));
  for (let guard = 0; guard < 100 && rec.phase !== "debrief"; guard++) {
    hostAct(rec, { type: "open" }, ice, (now += 1000));
    const options = rec.tracks[0]!.decision!.options;
    pids.forEach((pid, i) => castVote(rec, pid, rec.round, options[(i + rec.round) % options.length]!.id, (now += 100)));
    hostAct(rec, { type: "close" }, ice, (now += 1000));
    hostAct(rec, { type: "reveal" }, ice, (now += 1000));
    hostAct(rec, { type: "play" }, ice, (now += 1000));
  }
  return sessionJson(rec, ice.meta.title);
}
