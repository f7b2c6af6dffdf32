/**
 * Where rooms live: a Map in one process, or Redis shared by several processes. Changes
 * go through update(), which runs one change at a time per room (an in-process queue,
 * plus a Redis lock across processes), so two votes arriving on two servers cannot
 * overwrite each other. Idle rooms expire: a Redis TTL, or a sweep of the Map.
 */
import { randomBytes } from "node:crypto";
import { createClient } from "redis";
import type { RoomRecord } from "./record.ts";

export interface RoomStore {
  /** Stores a new room; false if the code is taken. */
  create(rec: RoomRecord): Promise<boolean>;
  get(code: string): Promise<RoomRecord | null>;
  /** Runs `change` on the room and saves it; null if there is no such room. A throw saves nothing. */
  update<T>(code: string, change: (rec: RoomRecord) => T): Promise<{ rec: RoomRecord; result: T } | null>;
  /** Codes of rooms whose vote timer has run out. */
  due(now: number): Promise<string[]>;
  /** Drops rooms idle for longer than the idle limit. */
  expire(now: number): Promise<number>;
  close(): Promise<void>;
}

/** Runs tasks one after another per key. */
class KeyedQueue {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

export class MemoryStore implements RoomStore {
  private rooms = new Map<string, RoomRecord>();
  private queue = new KeyedQueue();

  constructor(private readonly idleMs: number) {}

  async create(rec: RoomRecord): Promise<boolean> {
    if (this.rooms.has(rec.code)) return false;
    this.rooms.set(rec.code, rec);
    return true;
  }

  async get(code: string): Promise<RoomRecord | null> {
    return this.rooms.get(code) ?? null;
  }

  update<T>(code: string, change: (rec: RoomRecord) => T): Promise<{ rec: RoomRecord; result: T } | null> {
    return this.queue.run(code, async () => {
      const rec = this.rooms.get(code);
      if (!rec) return null;
      // The session functions check before they change anything, so a throw leaves `rec` as it was.
      const result = change(rec);
      rec.touchedAt = Date.now();
      rec.rev++;
      return { rec, result };
    });
  }

  async due(now: number): Promise<string[]> {
    return [...this.rooms.values()].filter((r) => r.deadline !== null && r.deadline <= now).map((r) => r.code);
  }

  async expire(now: number): Promise<number> {
    let n = 0;
    for (const [code, rec] of this.rooms) {
      if (now - rec.touchedAt > this.idleMs) {
        this.rooms.delete(code);
        n++;
      }
    }
    return n;
  }

  size(): number {
    return this.rooms.size;
  }

  async close(): Promise<void> {
    this.rooms.clear();
  }
}

// RESP2: the replies the Socket.IO streams adapter parses (redis v6 would default to RESP3).
const redisClient = (url: string) => createClient({ url, RESP: 2 });
type Redis = ReturnType<typeof redisClient>;

const PREFIX = "dealcraft:room:";
const DEADLINES = "dealcraft:deadlines";
const LOCK_MS = 5000;
const LOCK_WAIT_MS = 8000;
// Deletes the lock only if it is still ours (it may have timed out and passed to another process).
const UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class RedisStore implements RoomStore {
  private queue = new KeyedQueue();

  private constructor(
    private readonly redis: Redis,
    private readonly idleMs: number,
  ) {}

  static async connect(url: string, idleMs: number): Promise<RedisStore> {
    const redis = redisClient(url);
    redis.on("error", (e: Error) => console.error(`redis: ${e.message}`));
    await redis.connect();
    return new RedisStore(redis, idleMs);
  }

  /** The connection, for the Socket.IO adapter to share. */
  get client(): Redis {
    return this.redis;
  }

  async create(rec: RoomRecord): Promise<boolean> {
    const ok = await this.redis.set(PREFIX + rec.code, JSON.stringify(rec), { condition: "NX", expiration: { type: "PX", value: this.idleMs } });
    return ok === "OK";
  }

  async get(code: string): Promise<RoomRecord | null> {
    const text = await this.redis.get(PREFIX + code);
    return text ? (JSON.parse(text) as RoomRecord) : null;
  }

  update<T>(code: string, change: (rec: RoomRecord) => T): Promise<{ rec: RoomRecord; result: T } | null> {
    return this.queue.run(code, async () => {
      const token = await this.lock(code);
      try {
        const rec = await this.get(code);
        if (!rec) {
          await this.redis.zRem(DEADLINES, code);
          return null;
        }
        const result = change(rec);
        rec.touchedAt = Date.now();
        rec.rev++;
        const multi = this.redis.multi().set(PREFIX + code, JSON.stringify(rec), { expiration: { type: "PX", value: this.idleMs } });
        if (rec.deadline !== null) multi.zAdd(DEADLINES, { score: rec.deadline, value: code });
        else multi.zRem(DEADLINES, code);
        await multi.exec();
        return { rec, result };
      } finally {
        await this.redis.eval(UNLOCK, { keys: [PREFIX + code + ":lock"], arguments: [token] });
      }
    });
  }

  private async lock(code: string): Promise<string> {
    const token = randomBytes(9).toString("base64url");
    const until = Date.now() + LOCK_WAIT_MS;
    for (let wait = 2; Date.now() < until; wait = Math.min(wait * 2, 50)) {
      const ok = await this.redis.set(PREFIX + code + ":lock", token, { condition: "NX", expiration: { type: "PX", value: LOCK_MS } });
      if (ok === "OK") return token;
      await new Promise((r) => setTimeout(r, wait));
    }
    throw new Error(`room ${code} stayed locked for ${LOCK_WAIT_MS} ms`);
  }

  async due(now: number): Promise<string[]> {
    return this.redis.zRangeByScore(DEADLINES, 0, now);
  }

  async expire(now: number): Promise<number> {
    // Room values expire by TTL; only the deadline index needs tidying.
    return this.redis.zRemRangeByScore(DEADLINES, 0, now - this.idleMs);
  }

  async close(): Promise<void> {
    await this.redis.close().catch(() => undefined);
  }
}
