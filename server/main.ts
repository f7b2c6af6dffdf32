/**
 * `npm run room`: starts the room server for a team session. Builds the game first if
 * dist/ is missing, binds all interfaces (a classroom's phones reach it over the LAN),
 * and prints the facilitator's address, the trainees' join address and its QR code.
 *
 * Environment: PORT (8080), HOST (0.0.0.0; tests use 127.0.0.1), PUBLIC_HOST (the address
 * phones use, if the LAN address guessed is wrong), REDIS_URL (share rooms between
 * processes), ROOM_IDLE_MINUTES (240), NO_BUILD=1 (never build; serve only the protocol if dist/ is missing).
 */
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { fileURLToPath } from "node:url";
import QRCode from "qrcode";
import { startRoomServer } from "./app.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const distDir = process.env.DEALCRAFT_OUT ?? root + "dist";

/** The address other machines on the LAN most likely reach this one by (private IPv4 first). */
export function lanAddress(): string | null {
  const candidates = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
  const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
  return candidates.find(isPrivate) ?? candidates[0] ?? null;
}

async function main(): Promise<void> {
  const host = process.env.HOST ?? "0.0.0.0";
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${process.env.PORT}: not a port number`);

  if (!existsSync(`${distDir}/host.html`)) {
    if (process.env.NO_BUILD === "1") {
      console.warn(`room server: ${distDir} has no built game (NO_BUILD=1): the pages answer 503 until \`npm run build\``);
    } else {
      console.log("room server: the game is not built yet; building it (about a minute)…");
      const { build } = await import("vite");
      await build({ root, logLevel: "warn" });
    }
  }

  const bindsAll = host === "0.0.0.0" || host === "::";
  const publicHost = process.env.PUBLIC_HOST ?? (bindsAll ? (lanAddress() ?? "127.0.0.1") : host);
  const idleMinutes = Number(process.env.ROOM_IDLE_MINUTES ?? 240);
  const server = await startRoomServer({
    host,
    port,
    distDir,
    scenariosDir: root + "scenarios",
    redisUrl: process.env.REDIS_URL || undefined,
    publicHost,
    idleMs: idleMinutes * 60_000,
  });

  const local = server.url.replace("127.0.0.1", "localhost");
  console.log(`room server: listening on ${server.url}`);
  console.log(`  rooms kept ${process.env.REDIS_URL ? "in Redis (shared by every process on it)" : "in this process's memory"}`);
  console.log(`  facilitator (this laptop, on the projector): ${local}/host.html`);
  console.log(`  trainees join on their phones:               ${server.joinUrl}`);
  const loopback = /^(127\.|localhost$|::1$)/.test(publicHost);
  if (!loopback) console.log(await QRCode.toString(server.joinUrl, { type: "terminal", small: true }));
  else console.log("  (a loopback address: only this machine can join; set HOST=0.0.0.0 or PUBLIC_HOST for phones)");

  const stop = () => {
    console.log("room server: stopping");
    void server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`room server: ${(e as Error).message}`);
  process.exit(1);
});
