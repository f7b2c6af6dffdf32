import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadScenario } from "../../src/engine/index.ts";
import { closeIfDue, castVote, hostAct, joinRoom, newRoom } from "../../server/session.ts";
import { RoomRefusal, majority } from "../../server/record.ts";

const ice = loadScenario(JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));

function votingRoom(timerSec: number, t0: number) {
  const rec = newRoom({ scenarioId: "ice-to-eskimos", mode: "room", timerSec, teams: [], showMoves: true, locale: "en" }, "ABCDEF", "k", 7, t0);
  joinRoom(rec, { clientKey: "c1", name: "A", team: null, pid: "aaaaaaaaaaaa" }, t0);
  joinRoom(rec, { clientKey: "c2", name: "B", team: null, pid: "bbbbbbbbbbbb" }, t0);
  hostAct(rec, { type: "start" }, ice, t0);
  hostAct(rec, { type: "open" }, ice, t0);
  return rec;
}

describe("the room's vote timer", () => {
  it("closes the vote when the time is up, not before", () => {
    const rec = votingRoom(15, 1000);
    expect(closeIfDue(rec, 1000 + 14_999)).toBe(false);
    expect(rec.phase).toBe("voting");
    expect(closeIfDue(rec, 1000 + 15_000)).toBe(true);
    expect(rec.phase).toBe("closed");
    expect(closeIfDue(rec, 1000 + 20_000)).toBe(false);
  });

  it("stops while paused and gives back the time that was left", () => {
    const rec = votingRoom(30, 0);
    hostAct(rec, { type: "pause" }, ice, 10_000);
    expect(closeIfDue(rec, 60_000)).toBe(false);
    hostAct(rec, { type: "resume" }, ice, 100_000);
    expect(closeIfDue(rec, 100_000 + 19_999)).toBe(false);
    expect(closeIfDue(rec, 100_000 + 20_000)).toBe(true);
  });

  it("never closes a vote without a timer", () => {
    const rec = votingRoom(0, 0);
    expect(closeIfDue(rec, 1e12)).toBe(false);
  });
});

describe("the room's choice", () => {
  it("is the majority; a tie goes to the option voted first; a refused vote changes nothing", () => {
    const rec = votingRoom(0, 0);
    const d = rec.tracks[0]!.decision!;
    const [x, y] = d.options.map((o) => o.id);
    castVote(rec, "bbbbbbbbbbbb", rec.round, y!, 5);
    castVote(rec, "aaaaaaaaaaaa", rec.round, x!, 6);
    expect(majority(d)).toBe(y);
    const before = JSON.stringify(rec);
    expect(() => castVote(rec, "aaaaaaaaaaaa", rec.round + 1, x!, 7)).toThrow(RoomRefusal);
    expect(() => castVote(rec, "cccccccccccc", rec.round, x!, 7)).toThrow(RoomRefusal);
    expect(() => hostAct(rec, { type: "play" }, ice, 8)).toThrow(RoomRefusal); // not revealed yet
    expect(JSON.stringify(rec)).toBe(before);
  });
});

describe("idle rooms", () => {
  it("expire from memory after the idle time; a busy room stays", async () => {
    const { MemoryStore } = await import("../../server/store.ts");
    const store = new MemoryStore(60_000);
    const quiet = votingRoom(0, 0);
    const busy = { ...votingRoom(0, 0), code: "BCDEFG" };
    await store.create(quiet);
    await store.create(busy);
    quiet.touchedAt = Date.now() - 61_000;
    await store.update("BCDEFG", () => undefined);
    expect(await store.expire(Date.now())).toBe(1);
    expect(await store.get("ABCDEF")).toBeNull();
    expect(await store.get("BCDEFG")).not.toBeNull();
  });
});

describe("competing teams", () => {
  function competing() {
    const rec = newRoom({ scenarioId: "ice-to-eskimos", mode: "compete", timerSec: 0, teams: ["Red", "Blue", "Green"], showMoves: true, locale: "en" }, "CDEFGH", "k", 7, 0);
    joinRoom(rec, { clientKey: "r", name: "R", team: "Red", pid: "aaaaaaaaaaaa" }, 0);
    joinRoom(rec, { clientKey: "b", name: "B", team: "Blue", pid: "bbbbbbbbbbbb" }, 0);
    hostAct(rec, { type: "start" }, ice, 0);
    return rec;
  }

  it("get a deal only for teams somebody joined; a late joiner goes to one of those", () => {
    const rec = competing();
    expect(rec.tracks.map((t) => t.team)).toEqual(["Red", "Blue"]);
    expect(() => joinRoom(rec, { clientKey: "g", name: "G", team: "Green", pid: "cccccccccccc" }, 1)).toThrow(RoomRefusal);
    expect(joinRoom(rec, { clientKey: "l", name: "L", team: null, pid: "dddddddddddd" }, 1).participant.team).toMatch(/^(Red|Blue)$/);
  });

  it("play the majority where a team voted; a team that did not waits for the facilitator's pick", () => {
    const rec = competing();
    hostAct(rec, { type: "open" }, ice, 1);
    const red = rec.tracks[0]!.decision!;
    castVote(rec, "aaaaaaaaaaaa", rec.round, red.options[0]!.id, 2);
    hostAct(rec, { type: "reveal" }, ice, 3);
    hostAct(rec, { type: "play" }, ice, 4);
    expect(rec.tracks[0]!.decision).toBeNull();
    expect(rec.tracks[1]!.decision).not.toBeNull();
    expect(rec.phase).toBe("revealed");
    expect(() => hostAct(rec, { type: "play" }, ice, 5)).toThrow(RoomRefusal); // still nobody voted in Blue
    hostAct(rec, { type: "play", track: 1, option: rec.tracks[1]!.decision!.options[1]!.id }, ice, 6);
    expect(rec.phase).toBe("reading");
    expect(rec.history.map((d) => [d.team, d.by])).toEqual([["Red", "majority"], ["Blue", "facilitator"]]);
  });
});
