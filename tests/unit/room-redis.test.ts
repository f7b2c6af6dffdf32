import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRedisServer, startRedis, startRoomProcess, type Child } from "../../server/processes.ts";
import type { RoomView } from "../../src/room/protocol.ts";
import { Facilitator, Trainee, clientIdFor, next, ok } from "./roomClients.ts";

// .ci/run installs Debian's redis-server; without it (a laptop) this file says so and skips.
/** Polls wait long enough for a loaded CI machine running other suites in parallel. */
const POLL = { timeout: 10_000, interval: 10 };
const redisMissing = !hasRedisServer();
if (redisMissing && process.env.DEALCRAFT_REQUIRE_REDIS === "1") throw new Error("DEALCRAFT_REQUIRE_REDIS=1 but there is no redis-server at /usr/bin/redis-server");
if (redisMissing) console.warn("room-redis.test.ts: no redis-server at /usr/bin/redis-server (apt-get install redis-server): skipped");

describe.skipIf(redisMissing)("one room on two server processes sharing Redis", () => {
  const started: Child[] = [];
  let a: Child & { url: string };
  let b: Child & { url: string };

  beforeAll(async () => {
    const redis = await startRedis();
    started.push(redis);
    [a, b] = await Promise.all([startRoomProcess({ REDIS_URL: redis.url }, undefined, true), startRoomProcess({ REDIS_URL: redis.url }, undefined, true)]);
    started.push(a, b);
  }, 60_000);

  afterAll(async () => {
    // Servers first, then the Redis they use.
    await Promise.all(started.slice(1).map((c) => c.stop()));
    await started[0]?.stop();
  });

  it("counts votes from both processes, reveals to both, rejoins a phone on the other process with its vote", async () => {
    expect(a.url).not.toBe(b.url);
    const host = await Facilitator.create(a.url, { scenarioId: "ice-to-eskimos", mode: "room" });
    const people = Array.from({ length: 10 }, (_, i) => new Trainee(i % 2 ? b.url : a.url, host.code, `P${i}`, clientIdFor(i)));
    for (const p of people) await p.join();
    await expect.poll(() => host.view.participants?.length, POLL).toBe(10);

    await host.act({ type: "start" });
    let view = await host.act({ type: "open" });
    const options = view.tracks[0]!.options!.map((o) => o.id);
    const onB = people[1]!;
    await expect.poll(() => onB.view?.phase, POLL).toBe("voting");
    for (const [i, p] of people.entries()) ok(await p.vote(options[i < 7 ? 0 : 1]!, view.round));
    await expect.poll(() => host.tally?.votes[0], POLL).toBe(10);

    // A phone on process B sleeps and wakes up connected to process A: same place, same vote.
    const moved = new Trainee(a.url, host.code, onB.name, onB.clientId);
    onB.drop();
    await expect.poll(() => host.view.participants?.find((p) => p.name === onB.name)?.away, POLL).toBe(true);
    expect((await moved.join()).rejoined).toBe(true);
    expect(moved.you?.vote).toBe(options[0]);
    people[1] = moved;

    const onBRevealed = next<RoomView>(people[3]!.socket, "view", (v) => v.phase === "revealed");
    view = await host.act({ type: "reveal" });
    const expected = Object.fromEntries(options.map((o) => [o, 0]));
    expected[options[0]!] = 7;
    expected[options[1]!] = 3;
    expect(view.tracks[0]!.distribution).toEqual(expected);
    expect((await onBRevealed).tracks[0]!.distribution).toEqual(expected);

    view = await host.act({ type: "play" });
    expect(view.tracks[0]!.lastPlayed?.by).toBe("majority");
    view = await host.act({ type: "end" });
    expect(view.debrief!.decisions[0]!.options.find((o) => o.id === options[0])!.votes).toBe(7);
    expect(view.debrief!.leaderboard).toHaveLength(10);

    // The facilitator's page can come back on the other process too.
    const again = await Facilitator.create(b.url, { scenarioId: "ice-to-eskimos", mode: "room" });
    expect(again.code).not.toBe(host.code);
    again.close();
    host.close();
    for (const p of people) p.drop();
  }, 60_000);
});
