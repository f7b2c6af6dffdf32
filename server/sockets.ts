/**
 * The Socket.IO side of the room server. Each event is rate-limited per socket, validated
 * with zod and turned into one locked room update; the result is sent back as an ack and
 * broadcast as views through Socket.IO rooms (which the Redis adapter spreads across
 * processes): `host:CODE` for the facilitator's page, `room:CODE` for phones, `p:PID` for
 * one trainee's sockets.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Server, Socket } from "socket.io";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { ZodType } from "zod";
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, type Ack, type Refusal } from "../src/room/protocol.ts";
import { AttachMsg, CreateRoomMsg, HostActionMsg, JoinMsg, PeekMsg, VoteMsg } from "./messages.ts";
import { RoomRefusal, type RoomRecord } from "./record.ts";
import { castVote, hostAct, joinRoom, newRoom } from "./session.ts";
import type { RoomStore } from "./store.ts";
import type { ScenarioShelf } from "./scenarios.ts";
import { roomView, tallyOf, youView } from "./views.ts";

export interface SocketDeps {
  io: Server;
  store: RoomStore;
  shelf: ScenarioShelf;
  /** Messages per second one socket may send. */
  messagesPerSecond: number;
  /** Join and attach attempts per minute one socket may make (slows guessing room codes). */
  joinsPerMinute: number;
}

interface SocketData {
  code?: string;
  pid?: string;
  host?: boolean;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function tokenMatches(token: string, key: string): boolean {
  const a = Buffer.from(sha256(token), "hex");
  const b = Buffer.from(key, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

function roomCode(): string {
  let code = "";
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

export function attachRoomHandlers(deps: SocketDeps): { broadcast(rec: RoomRecord): void } {
  const { io, store, shelf } = deps;
  const messages = new RateLimiterMemory({ points: deps.messagesPerSecond, duration: 1 });
  const joins = new RateLimiterMemory({ points: deps.joinsPerMinute, duration: 60 });
  // Phones get the live vote count at most twice a second per room (plenty for "12 / 30 voted",
  // and 40 phones × every vote would be most of the traffic); the facilitator at once.
  const tallyTimers = new Map<string, NodeJS.Timeout>();

  const titleOf = (rec: RoomRecord) => shelf.get(rec.scenarioId)?.meta.title ?? { en: rec.scenarioId };
  const broadcast = (rec: RoomRecord) => {
    const now = Date.now();
    io.to(`host:${rec.code}`).emit("view", roomView(rec, titleOf(rec), true, now));
    io.to(`room:${rec.code}`).emit("view", roomView(rec, titleOf(rec), false, now));
  };
  const toHost = (rec: RoomRecord) => io.to(`host:${rec.code}`).emit("view", roomView(rec, titleOf(rec), true, Date.now()));
  const tally = (rec: RoomRecord) => {
    io.to(`host:${rec.code}`).emit("tally", tallyOf(rec, true));
    if (tallyTimers.has(rec.code)) return;
    tallyTimers.set(
      rec.code,
      setTimeout(() => {
        tallyTimers.delete(rec.code);
        void store.get(rec.code).then((latest) => latest && io.to(`room:${rec.code}`).emit("tally", tallyOf(latest, false)));
      }, 500),
    );
  };

  const change = async <T>(code: string, fn: (rec: RoomRecord) => T) => {
    const done = await store.update(code, fn);
    if (!done) throw new RoomRefusal("no-room");
    return done;
  };

  io.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;

    function on<S extends ZodType>(event: string, schema: S, handle: (msg: S["_output"]) => Promise<object>, limiter?: RateLimiterMemory) {
      socket.on(event, async (raw: unknown, ack?: unknown) => {
        const reply = typeof ack === "function" ? (ack as (a: Ack) => void) : () => undefined;
        const refuse = (error: Refusal, detail?: string) => reply({ ok: false, error, ...(detail ? { detail } : {}) });
        try {
          await messages.consume(socket.id);
          if (limiter) await limiter.consume(socket.id);
        } catch {
          return refuse("rate-limited");
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return refuse("bad-message", issue ? `${issue.path.join(".") || "$"}: ${issue.message}` : undefined);
        }
        try {
          reply({ ok: true, ...(await handle(parsed.data)) });
        } catch (e) {
          if (e instanceof RoomRefusal) return refuse(e.code, e.message !== e.code ? e.message : undefined);
          console.error(`room server: ${event} failed:`, e);
          refuse("server");
        }
      });
    }

    on("host:create", CreateRoomMsg, async (msg) => {
      const scenario = shelf.get(msg.scenarioId);
      if (!scenario) throw new RoomRefusal("unknown-scenario");
      const token = randomBytes(24).toString("base64url");
      for (let attempt = 0; attempt < 20; attempt++) {
        const rec = newRoom(msg, roomCode(), sha256(token), randomInt(1, 2 ** 31), Date.now());
        if (await store.create(rec)) {
          await socket.join(`host:${rec.code}`);
          Object.assign(data, { code: rec.code, host: true });
          return { code: rec.code, token, view: roomView(rec, scenario.meta.title, true, Date.now()) };
        }
      }
      throw new RoomRefusal("server", "no free room code");
    }, joins);

    on("host:attach", AttachMsg, async (msg) => {
      const rec = await store.get(msg.code);
      if (!rec) throw new RoomRefusal("no-room");
      if (!tokenMatches(msg.token, rec.hostKey)) throw new RoomRefusal("forbidden");
      await socket.join(`host:${rec.code}`);
      Object.assign(data, { code: rec.code, host: true });
      return { view: roomView(rec, titleOf(rec), true, Date.now()) };
    }, joins);

    on("host:action", HostActionMsg, async (msg) => {
      const { rec } = await change(msg.code, (r) => {
        if (!tokenMatches(msg.token, r.hostKey)) throw new RoomRefusal("forbidden");
        const scenario = shelf.get(r.scenarioId);
        if (!scenario) throw new RoomRefusal("unknown-scenario");
        hostAct(r, msg.action, scenario, Date.now());
      });
      if (msg.action.type === "kick") {
        const target = io.in(`p:${msg.action.pid}`);
        target.emit("kicked");
        // Let the notice reach the phone before the connection goes.
        setTimeout(() => target.disconnectSockets(true), 300).unref();
      }
      broadcast(rec);
      return { rev: rec.rev };
    });

    // What the join form needs before joining: the scenario and the teams to pick from.
    on("room:peek", PeekMsg, async (msg) => {
      const rec = await store.get(msg.code);
      if (!rec) throw new RoomRefusal("no-room");
      const teams = rec.mode === "compete" && rec.tracks.length ? rec.tracks.map((t) => t.team).filter((t): t is string => t !== null) : rec.teams;
      return { mode: rec.mode, teams, title: titleOf(rec) };
    }, joins);

    on("join", JoinMsg, async (msg) => {
      const pid = randomBytes(6).toString("hex");
      const { rec, result } = await change(msg.code, (r) =>
        joinRoom(r, { clientKey: sha256(msg.clientId), name: msg.name, team: msg.team, pid }, Date.now()),
      );
      const me = result.participant;
      if (data.pid && data.pid !== me.pid) void socket.leave(`p:${data.pid}`);
      if (data.code && data.code !== rec.code) void socket.leave(`room:${data.code}`);
      await socket.join([`room:${rec.code}`, `p:${me.pid}`]);
      Object.assign(data, { code: rec.code, pid: me.pid, host: false });
      toHost(rec);
      return { rejoined: result.rejoined, you: youView(rec, me.pid), view: roomView(rec, titleOf(rec), false, Date.now()) };
    }, joins);

    on("vote", VoteMsg, async (msg) => {
      const { code, pid } = data;
      if (!code || !pid) throw new RoomRefusal("not-joined");
      const { rec } = await change(code, (r) => castVote(r, pid, msg.round, msg.option, Date.now()));
      tally(rec);
      return { you: youView(rec, pid) };
    });

    socket.on("disconnect", () => {
      const { code, pid } = data;
      if (!code || !pid) return;
      // Away only when none of this trainee's sockets is left on any server process.
      void io
        .in(`p:${pid}`)
        .fetchSockets()
        .then(async (left) => {
          if (left.length > 0) return;
          const done = await store.update(code, (r) => {
            const p = Object.hasOwn(r.participants, pid) ? r.participants[pid] : undefined;
            if (p) p.away = true;
          });
          if (done) toHost(done.rec);
        })
        .catch((e: unknown) => console.error("room server: marking away failed:", e));
    });
  });

  return { broadcast };
}
