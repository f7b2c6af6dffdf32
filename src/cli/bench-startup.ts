/**
 * `npm run bench:startup`: builds the game and a bare "hello" Phaser page (the whole
 * library, one text) the same way, serves both on 127.0.0.1, and loads each in headless
 * Chromium several times, alternating, each in a fresh context (a first visit, no cache).
 * Prints the median time to the first interactive frame of each and their ratio (goal:
 * at or below 1.0). Then plays the game by keyboard from the title to the debrief and
 * reports every long task (> 50 ms) after the title showed.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { preview, type PreviewServer } from "vite";
import { chromium, type Browser, type Page } from "playwright-core";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const root = fileURLToPath(new URL("../..", import.meta.url));

function build(args: string[], env: Record<string, string>): void {
  execFileSync("npx", ["vite", "build", "--logLevel", "error", ...args], { stdio: "inherit", env: { ...process.env, ...env }, cwd: root });
}

async function serve(outDir: string): Promise<PreviewServer> {
  return preview({ configFile: false, root, base: "/", logLevel: "warn", build: { outDir }, preview: { host: "127.0.0.1", port: 0 } });
}

async function firstInteractive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("first-interactive").length > 0, undefined, { timeout: 30_000 });
  const t = await page.evaluate(() => performance.getEntriesByName("first-interactive")[0]!.startTime);
  await context.close();
  return t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function longTasksDuringPlay(browser: Browser, url: string): Promise<{ tasks: number[]; steps: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page: Page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      const title = performance.getEntriesByName("first-interactive")[0];
      for (const e of list.getEntries()) if (title && e.startTime >= title.startTime) w.__long.push(Math.round(e.duration));
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${url}?seed=1`);
  await page.waitForFunction(() => performance.getEntriesByName("first-interactive").length > 0);
  const heading = () => page.evaluate(() => document.querySelector("#a11y-live h2")?.textContent ?? "");
  const updates = () => page.evaluate(() => Number(document.getElementById("a11y-live")!.dataset.updates ?? 0));
  const press = async (key: string) => {
    const before = await updates();
    await page.keyboard.press(key);
    await page.waitForFunction((n) => Number(document.getElementById("a11y-live")!.dataset.updates ?? 0) > n, before, { timeout: 15_000 });
  };
  await press("Enter"); // scenario list (waits for the catalogue)
  await page.waitForFunction(() => /^1\. /m.test([...document.querySelectorAll("#a11y-live p")].map((p) => p.textContent).join("\n")));
  await press("1");
  let steps = 0;
  for (; steps < 400 && !["复盘", "Debrief"].includes(await heading()); steps++) {
    const hasOptions = await page.evaluate(() => [...document.querySelectorAll("#a11y-live p")].some((p) => /^[1-9]\. /.test(p.textContent ?? "")));
    await press(hasOptions ? "1" : "Space");
  }
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  await context.close();
  return { tasks, steps };
}

build([], { DEALCRAFT_OUT: "dist-bench/startup-game" });
build(["bench/hello", "--config", "vite.config.ts"], { DEALCRAFT_OUT: root + "dist-bench/startup-hello", PHASER_BUILD: "full" });
const game = await serve("dist-bench/startup-game");
const hello = await serve("dist-bench/startup-hello");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const gameUrl = game.resolvedUrls!.local[0]!;
  const helloUrl = hello.resolvedUrls!.local[0]!;
  await firstInteractive(browser, gameUrl); // warm the OS file cache, not measured
  await firstInteractive(browser, helloUrl);
  const g: number[] = [];
  const h: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    g.push(await firstInteractive(browser, gameUrl));
    h.push(await firstInteractive(browser, helloUrl));
  }
  const gm = median(g);
  const hm = median(h);
  console.log(`\nbench:startup · ${ROUNDS} loads each, alternating, fresh context each · headless Chromium`);
  console.log("page".padEnd(30) + "median ms".padStart(12) + "   all (ms)");
  console.log("Dealcraft (title menu live)".padEnd(30) + gm.toFixed(0).padStart(12) + "   " + g.map((x) => x.toFixed(0)).join(" "));
  console.log("hello Phaser (one text)".padEnd(30) + hm.toFixed(0).padStart(12) + "   " + h.map((x) => x.toFixed(0)).join(" "));
  console.log(`ratio Dealcraft / hello: ${(gm / hm).toFixed(2)} (goal ≤ 1.00)`);

  const play = await longTasksDuringPlay(browser, gameUrl);
  const over = play.tasks.filter((d) => d > 50);
  console.log(`\nlong tasks after the title, playing the starter to the debrief (${play.steps} key presses):`);
  console.log(over.length ? `  ${over.length} over 50 ms: ${over.join(", ")} ms (longest ${Math.max(...over)} ms)` : "  none over 50 ms");
} finally {
  await browser.close();
  await game.close();
  await hello.close();
}
