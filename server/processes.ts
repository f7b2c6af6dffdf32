/**
 * Starting and stopping the processes a multi-process room needs, for tests and benches:
 * a throwaway redis-server on a free loopback port and room servers as child processes.
 * Everything started here is stopped by the handle it returns.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";
export const hasRedisServer = () => existsSync(REDIS_SERVER);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Spawns a process and waits until its output matches `ready` (or fails after `ms`). */
function spawnUntil(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, ms: number): Promise<{ child: Child; match: RegExpMatchArray }> {
  const proc = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const child: Child = {
    process: proc,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        const kill = setTimeout(() => proc.kill("SIGKILL"), 3000);
        proc.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        proc.kill("SIGTERM");
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void child.stop();
      reject(new Error(`${cmd} was not ready within ${ms} ms; it said:\n${out}`));
    }, ms);
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** A redis-server of its own: loopback only, nothing written to disk. */
export async function startRedis(): Promise<Child & { url: string }> {
  const port = await freePort();
  const { child } = await spawnUntil(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
    {},
    /Ready to accept connections/,
    10_000,
  );
  return { ...child, url: `redis://127.0.0.1:${port}` };
}

/**
 * A room server process (`server/main.ts` under tsx, or another entry point) on a free
 * loopback port. `background` runs it at a lower CPU priority, so a test's servers starting
 * up do not starve the other test files running beside them.
 */
export async function startRoomProcess(env: Record<string, string>, entry = "server/main.ts", background = false): Promise<Child & { url: string }> {
  const node = [process.execPath, "--import", "tsx", entry];
  const cmd = background && existsSync("/usr/bin/nice") ? ["/usr/bin/nice", "-n", "10", ...node] : node;
  const { child, match } = await spawnUntil(
    cmd[0]!,
    cmd.slice(1),
    { HOST: "127.0.0.1", PORT: "0", NO_BUILD: "1", ...env },
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    30_000,
  );
  return { ...child, url: match[1]! };
}
