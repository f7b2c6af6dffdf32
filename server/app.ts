/**
 * The room server: one HTTP server that serves the built game (dist/), a small JSON API
 * (scenarios, the join QR code, the session exports) and the Socket.IO session protocol,
 * on one port. Rooms live in memory, or in Redis when a URL is given (then several
 * processes can share the rooms, with websocket-only transport so no sticky sessions).
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import QRCode from "qrcode";
import sirv from "sirv";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { ServerInfo } from "../src/room/protocol.ts";
import { RoomCode } from "./messages.ts";
import { closeIfDue } from "./session.ts";
import { loadShelf } from "./scenarios.ts";
import { MemoryStore, RedisStore, type RoomStore } from "./store.ts";
import { attachRoomHandlers, tokenMatches } from "./sockets.ts";
import { sessionCsv, sessionJson } from "./exports.ts";

export interface RoomServerOptions {
  /** Interface to bind: "0.0.0.0" for a classroom, "127.0.0.1" in tests and benches. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built game; the pages are not served when it is missing. */
  distDir?: string;
  scenariosDir: string;
  redisUrl?: string;
  /** Address phones use to reach this server (for the join link and QR); defaults to the bound one. */
  publicHost?: string;
  /** Rooms with no activity for this long are dropped. */
  idleMs?: number;
  messagesPerSecond?: number;
  joinsPerMinute?: number;
  /** How often vote timers are checked. */
  tickMs?: number;
}

export interface RunningRoomServer {
  url: string;
  joinUrl: string;
  io: Server;
  store: RoomStore;
  close(): Promise<void>;
}

const HOUR = 3600_000;

export async function startRoomServer(opts: RoomServerOptions): Promise<RunningRoomServer> {
  const shelf = loadShelf(opts.scenariosDir);
  const idleMs = opts.idleMs ?? 4 * HOUR;
  const redisStore = opts.redisUrl ? await RedisStore.connect(opts.redisUrl, idleMs) : null;
  const store: RoomStore = redisStore ?? new MemoryStore(idleMs);
  const serveDist = opts.distDir && existsSync(join(opts.distDir, "index.html")) ? sirv(opts.distDir, { etag: true, gzip: false }) : null;

  let joinUrl = "";
  const http = createServer((req, res) => {
    void handleHttp(req, res).catch((e: unknown) => {
      console.error("room server: http:", e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://room");
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (url.pathname === "/api/info") {
      const info: ServerInfo = { joinUrl, scenarios: shelf.list() };
      return sendJson(res, 200, info);
    }
    if (url.pathname === "/api/qr.svg") {
      const code = RoomCode.safeParse(url.searchParams.get("room") ?? "");
      if (!code.success) return sendJson(res, 400, { error: "room: not a room code" });
      const svg = await QRCode.toString(`${joinUrl}?room=${code.data}`, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      res.writeHead(200, { "Content-Type": "image/svg+xml", "Cache-Control": "max-age=3600" });
      return void res.end(svg);
    }
    const exportMatch = /^\/api\/rooms\/([^/]+)\/export\.(csv|json)$/.exec(url.pathname);
    if (exportMatch) {
      const code = RoomCode.safeParse(exportMatch[1]);
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      const rec = code.success ? await store.get(code.data) : null;
      if (!rec) return sendJson(res, 404, { error: "no such room" });
      if (!token || !tokenMatches(token, rec.hostKey)) return sendJson(res, 403, { error: "facilitator token required" });
      const title = shelf.get(rec.scenarioId)?.meta.title ?? { en: rec.scenarioId };
      const name = `dealcraft-${rec.code}-${new Date().toISOString().slice(0, 10)}`;
      if (exportMatch[2] === "csv") {
        res.writeHead(200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` });
        return void res.end(sessionCsv(rec));
      }
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.json"` });
      return void res.end(JSON.stringify(sessionJson(rec, title), null, 2));
    }
    if (url.pathname.startsWith("/api/")) return sendJson(res, 404, { error: "no such endpoint" });
    if (serveDist) {
      return serveDist(req, res, () => {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      });
    }
    res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" }).end("The game is not built: run `npm run build`, then restart `npm run room`.");
  }

  const io = new Server(http, {
    // Several processes behind one address: websocket only, so no request has to come back to the same process.
    transports: redisStore ? ["websocket"] : ["websocket", "polling"],
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    serveClient: false,
    ...(redisStore ? { adapter: createAdapter(redisStore.client) } : {}),
  });
  const handlers = attachRoomHandlers({
    io,
    store,
    shelf,
    messagesPerSecond: opts.messagesPerSecond ?? 20,
    joinsPerMinute: opts.joinsPerMinute ?? 30,
  });

  // Vote timers: every process checks, the room lock makes sure only one closes each vote.
  let ticking = false;
  const tick = setInterval(() => {
    if (ticking) return;
    ticking = true;
    const now = Date.now();
    void store
      .due(now)
      .then((codes) => Promise.all(codes.map((code) => store.update(code, (r) => closeIfDue(r, Date.now())))))
      .then((done) => done.forEach((d) => d?.result && handlers.broadcast(d.rec)))
      .catch((e: unknown) => console.error("room server: timer:", e))
      .finally(() => (ticking = false));
  }, opts.tickMs ?? 200);
  const sweep = setInterval(() => void store.expire(Date.now()).catch(() => undefined), 60_000);
  tick.unref();
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = opts.publicHost ?? (opts.host === "0.0.0.0" || opts.host === "::" ? "127.0.0.1" : opts.host);
  const url = `http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host === "0.0.0.0" ? "127.0.0.1" : opts.host}:${port}`;
  joinUrl = `http://${shownHost}:${port}/join.html`;

  return {
    url,
    joinUrl,
    io,
    store,
    async close() {
      clearInterval(tick);
      clearInterval(sweep);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await store.close();
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}
