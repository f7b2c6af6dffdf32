import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRoomServer, type RunningRoomServer } from "../../server/app.ts";
import type { RoomView } from "../../src/room/protocol.ts";
import { Facilitator, Trainee, clientIdFor, connect, next, ok, send } from "./roomClients.ts";

/** Polls wait long enough for a loaded CI machine running other suites in parallel. */
const POLL = { timeout: 10_000, interval: 10 };
// Thirty sockets and a whole scenario: more than the default 5 s on a loaded machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const PEOPLE = 30;
let server: RunningRoomServer;

beforeAll(async () => {
  server = await startRoomServer({ host: "127.0.0.1", port: 0, scenariosDir: "scenarios", messagesPerSecond: 50, joinsPerMinute: 100 });
});
afterAll(async () => {
  await server?.close();
});

/** Who votes what in a round: most of the room for one option, the rest spread over the others. */
function pickFor(i: number, options: string[], round: number): string {
  if (i < 18) return options[round % options.length]!;
  return options[(i + round) % options.length]!;
}

describe("a room of 30 trainees through a whole scenario", () => {
  it("joins, votes, survives a drop mid-vote, reveals, plays the majority and ends with a debrief of the votes", async () => {
    const host = await Facilitator.create(server.url, { scenarioId: "ice-to-eskimos", mode: "room" });
    expect(host.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const trainees = Array.from({ length: PEOPLE }, (_, i) => new Trainee(server.url, host.code, `Trainee ${i}`, clientIdFor(i)));
    for (const t of trainees) expect((await t.join()).rejoined).toBe(false);
    await expect.poll(() => host.view.participants?.length, POLL).toBe(PEOPLE);

    let view = await host.act({ type: "start" });
    expect(view.phase).toBe("reading");
    expect(view.tracks[0]!.lines.length).toBeGreaterThan(0);

    const expected: Array<Record<string, number>> = [];
    const spy = trainees[29]!;
    for (let round = 1; view.phase !== "debrief"; round++) {
      expect(round).toBeLessThan(40);
      view = await host.act({ type: "open" });
      expect(view.phase).toBe("voting");
      const options = view.tracks[0]!.options!.map((o) => o.id);
      const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
      await expect.poll(() => spy.view?.round, POLL).toBe(round);

      const dropper = trainees[3]!;
      for (const [i, t] of trainees.entries()) {
        const choice = pickFor(i, options, round);
        ok(await t.vote(choice, view.round));
        counts[choice]!++;
        if (round === 1 && i === 3) {
          // A phone sleeps mid-vote: marked away, not dropped; on waking it is back with its vote.
          dropper.drop();
          await expect.poll(() => host.view.participants?.find((p) => p.name === dropper.name)?.away, POLL).toBe(true);
          expect(host.view.people.total).toBe(PEOPLE);
          const again = await dropper.join();
          expect(again.rejoined).toBe(true);
          expect(dropper.you?.vote).toBe(choice);
          await expect.poll(() => host.view.participants?.find((p) => p.name === dropper.name)?.away, POLL).toBe(false);
        }
      }
      // Until closed, everyone sees how many voted, never what.
      await expect.poll(() => host.tally?.votes[0], POLL).toBe(PEOPLE);
      expect(host.view.tracks[0]!.distribution).toBeNull();
      expect(spy.view!.tracks[0]!.distribution).toBeNull();

      if (round === 1) {
        // A garbled vote and a trainee forging a facilitator action are refused; the room goes on.
        expect(await send(spy.socket, "vote", { round: "one", option: 7 })).toMatchObject({ ok: false, error: "bad-message" });
        expect(await send(spy.socket, "vote", { round, option: "no-such-option" })).toMatchObject({ ok: false, error: "bad-message" });
        const forged = await send(spy.socket, "host:action", { code: host.code, token: "A".repeat(32), action: { type: "end" } });
        expect(forged).toMatchObject({ ok: false, error: "forbidden" });
        expect(await send(spy.socket, "host:action", { code: host.code, action: { type: "end" } })).toMatchObject({ ok: false, error: "bad-message" });
        expect((await send(spy.socket, "host:action", "{}")).ok).toBe(false);
        ok(await spy.vote(pickFor(29, options, round), view.round)); // still voting: the same vote again is fine
      }

      const closed = await host.act({ type: "close" });
      expect(closed.phase).toBe("closed");
      expect(closed.tracks[0]!.distribution).toBeNull();
      const late = await trainees[0]!.vote(options[0]!, view.round);
      expect(late).toMatchObject({ ok: false, error: "wrong-phase" });

      const phoneSees = next<RoomView>(spy.socket, "view", (v) => v.phase === "revealed");
      const revealed = await host.act({ type: "reveal" });
      expect(revealed.tracks[0]!.distribution).toEqual(counts);
      expect((await phoneSees).tracks[0]!.distribution).toEqual(counts);
      const top = Math.max(...Object.values(counts));
      expect(counts[revealed.tracks[0]!.leading!]).toBe(top);
      expected.push(counts);

      view = await host.act({ type: "play" });
      expect(view.tracks[0]!.lastPlayed?.by).toBe("majority");
    }

    const debrief = view.debrief!;
    expect(debrief.decisions.map((d) => Object.fromEntries(d.options.map((o) => [o.id, o.votes])))).toEqual(expected);
    for (const d of debrief.decisions) {
      expect(d.best.length).toBeGreaterThan(0);
      const bestRank = Math.max(...d.options.map((o) => o.rank));
      for (const b of d.best) expect(d.options.find((o) => o.id === b)!.rank).toBe(bestRank);
      expect(d.options.find((o) => o.id === d.chosen)!.votes).toBe(Math.max(...d.options.map((o) => o.votes)));
    }
    expect(debrief.decisions.some((d) => d.bestWhy?.principle)).toBe(true);
    expect(debrief.leaderboard).toHaveLength(PEOPLE);
    expect(debrief.leaderboard.every((r) => r.votes === expected.length)).toBe(true);
    const bests = debrief.leaderboard.map((r) => r.best);
    expect([...bests].sort((a, b) => b - a)).toEqual(bests);

    // The exports: the facilitator's token is needed; one CSV row per participant per decision.
    const csvUrl = `${server.url}/api/rooms/${host.code}/export.csv`;
    expect((await fetch(csvUrl)).status).toBe(403);
    const csv = await (await fetch(csvUrl, { headers: { Authorization: `Bearer ${host.token}` } })).text();
    const rows = csv.trim().split("\n");
    expect(rows).toHaveLength(1 + PEOPLE * expected.length);
    expect(rows[0]).toContain("participant,team,status,round");
    const json = await (await fetch(csvUrl.replace(".csv", ".json"), { headers: { Authorization: `Bearer ${host.token}` } })).json();
    expect(json.format).toBe("dealcraft-session");
    expect(json.decisions).toHaveLength(expected.length);

    host.close();
    for (const t of trainees) t.drop();
  });
});

describe("the facilitator's controls", () => {
  it("pauses and resumes the vote, closes it when its timer runs out, kicks a trainee for good, skips with the course's move", async () => {
    const host = await Facilitator.create(server.url, { scenarioId: "ice-to-eskimos", mode: "room", timerSec: 15 });
    const a = new Trainee(server.url, host.code, "=HYPERLINK(\"x\")", clientIdFor(900));
    const b = new Trainee(server.url, host.code, "Bea\u202e", clientIdFor(901));
    await a.join();
    await b.join();
    expect(b.you?.name).toBe("Bea");
    await host.act({ type: "start" });
    const voting = await host.act({ type: "open" });
    expect(voting.deadline! - voting.serverNow).toBeGreaterThan(10_000);
    const paused = await host.act({ type: "pause" });
    expect(paused.deadline).toBeNull();
    expect(paused.remainingMs).toBeGreaterThan(10_000);
    expect(await a.vote(voting.tracks[0]!.options![0]!.id, voting.round)).toMatchObject({ ok: false, error: "paused" });
    const resumed = await host.act({ type: "resume" });
    expect(resumed.deadline).not.toBeNull();
    // Time runs out (moved forward in the stored room): the server closes the vote by itself and says so.
    const closedByTimer = next<RoomView>(b.socket, "view", (v) => v.phase === "closed");
    await server.store.update(host.code, (r) => void (r.deadline = Date.now() - 1));
    expect((await closedByTimer).deadline).toBeNull();
    expect(await b.vote(voting.tracks[0]!.options![0]!.id, voting.round)).toMatchObject({ ok: false, error: "wrong-phase" });

    const kicked = next(a.socket, "kicked");
    await host.act({ type: "kick", pid: host.view.participants!.find((p) => p.name.startsWith("="))!.pid });
    await kicked;
    expect(host.view.participants!.map((p) => p.name)).toEqual(["Bea"]);
    await expect(a.join()).rejects.toThrow(/kicked/);

    const skipped = await host.act({ type: "skip" });
    expect(skipped.phase).toBe("reading");
    expect(skipped.tracks[0]!.lastPlayed?.by).toBe("skipped");
    const csv = await (await fetch(`${server.url}/api/rooms/${host.code}/export.csv`, { headers: { Authorization: `Bearer ${host.token}` } })).text();
    expect(csv).toContain(`'=HYPERLINK`);
    host.close();
    b.drop();
  });

  it("refuses a join to a room that does not exist and a facilitator attach with the wrong token", async () => {
    const s = await connect(server.url);
    expect(await send(s, "join", { code: "ZZZZZZ", clientId: clientIdFor(1), name: "x", team: null })).toMatchObject({ ok: false, error: "no-room" });
    const host = await Facilitator.create(server.url, { scenarioId: "ice-to-eskimos", mode: "room" });
    expect(await send(s, "host:attach", { code: host.code, token: "B".repeat(32) })).toMatchObject({ ok: false, error: "forbidden" });
    expect((await send(s, "host:attach", { code: host.code, token: host.token })).ok).toBe(true);
    s.disconnect();
    host.close();
  });
});

describe("team modes", () => {
  it("teams in competing mode play their own copy of the deal; a better-voting team scores higher", async () => {
    const host = await Facilitator.create(server.url, { scenarioId: "ice-to-eskimos", mode: "compete", teams: ["Red", "Blue"] });
    const red = [0, 1, 2].map((i) => new Trainee(server.url, host.code, `R${i}`, clientIdFor(500 + i), "Red"));
    const blue = [0, 1, 2].map((i) => new Trainee(server.url, host.code, `B${i}`, clientIdFor(600 + i), "Blue"));
    for (const t of [...red, ...blue]) await t.join();
    let view = await host.act({ type: "start" });
    expect(view.tracks.map((t) => t.team)).toEqual(["Red", "Blue"]);
    while (view.phase !== "debrief") {
      view = await host.act({ type: "open" });
      // Red follows the course (the debrief's best move), Blue the worst: both only on their own deal.
      for (const [team, members] of [[0, red], [1, blue]] as const) {
        const track = view.tracks[team]!;
        if (!track.options) continue;
        const ranks = await bestAndWorst(host, team);
        for (const t of members) ok(await t.vote(team === 0 ? ranks.best : ranks.worst, view.round));
      }
      await host.act({ type: "reveal" });
      view = await host.act({ type: "play" });
    }
    const [first, second] = view.debrief!.teams;
    expect(first!.team).toBe("Red");
    expect(first!.score).toBeGreaterThan(second!.score);
    host.close();
    for (const t of [...red, ...blue]) t.drop();
  });

  it("in turns mode only the deciding team may vote", async () => {
    const host = await Facilitator.create(server.url, { scenarioId: "ice-to-eskimos", mode: "turns", teams: ["North", "South"] });
    const n = new Trainee(server.url, host.code, "N", clientIdFor(700), "North");
    const s = new Trainee(server.url, host.code, "S", clientIdFor(701));
    await n.join();
    await s.join();
    expect(s.you?.team).toBe("South"); // no team picked: the smaller one
    await host.act({ type: "start" });
    const v = await host.act({ type: "open" });
    expect(v.turnTeam).toBe("North");
    // A question: it never ends the run (the options' order is shuffled per room, and a gift over the cap would disqualify at once).
    const option = v.tracks[0]!.options!.find((o) => o.move.kind === "spin")!.id;
    expect(await s.vote(option, v.round)).toMatchObject({ ok: false, error: "not-your-turn" });
    ok(await n.vote(option, v.round));
    await host.act({ type: "reveal" });
    await host.act({ type: "play" });
    expect((await host.act({ type: "open" })).turnTeam).toBe("South");
    host.close();
    n.drop();
    s.drop();
  });
});

/** The course's best and worst option of a track's open decision, read from the debrief's ranks via a probe room. */
async function bestAndWorst(host: Facilitator, track: number): Promise<{ best: string; worst: string }> {
  const rec = await server.store.get(host.code);
  const ranks = rec!.tracks[track]!.decision!.ranks;
  const sorted = Object.entries(ranks).sort((a, b) => b[1] - a[1]);
  return { best: sorted[0]![0], worst: sorted.at(-1)![0] };
}
