/**
 * `npm run bench:startup`: builds the game and a bare "hello" Phaser page (the whole
 * library, one text) the same way, serves both on 127.0.0.1, and loads each in headless
 * Chromium several times, alternating, each in a fresh context (a first visit, no cache).
 * Prints the median time to the first interactive frame of each and their ratio (goal:
 * at or below 1.0). Then, after a second on the title, plays the game by keyboard to the
 * debrief and reports every long task (> 50 ms) after the title showed, split into the
 * idle title and play, with what the browser says ran in it; and how many frames the
 * game drew or skipped as unchanged (see src/game/renderGate.ts).
 */
import { cpus } from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { preview, type PreviewServer } from "vite";
import { chromium, type Browser, type Page } from "playwright-core";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** Plays of the starter per build for the per-key-press figures. */
const PLAYS = Number(process.env.BENCH_PLAYS ?? 3);
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

interface PlayReport {
  /** Long tasks while the title sat still for a second before the first key (sound setup lands here). */
  titleIdle: LongTask[];
  /** Long tasks from the first key press to the debrief. */
  play: LongTask[];
  steps: number;
  frames: { drawn: number; skipped: number };
  /** The meeting's script per redraw, ms: the account panel, and the line and options. */
  panel: number[];
  body: number[];
  /** Script building options ahead while a line typed out, ms each time. */
  prepared: number[];
}
interface LongTask {
  ms: number;
  /** What the browser says ran in that frame (long-animation-frame script entries), when it says. */
  what: string;
}

async function longTasksDuringPlay(browser: Browser, url: string): Promise<PlayReport> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page: Page = await context.newPage();
  await page.addInitScript(() => {
    type Entry = PerformanceEntry & { scripts?: { invoker: string; duration: number }[] };
    const w = window as unknown as { __long: { start: number; ms: number }[]; __frames: Entry[] };
    w.__long = [];
    w.__frames = [];
    new PerformanceObserver((list) => {
      const title = performance.getEntriesByName("first-interactive")[0];
      for (const e of list.getEntries()) if (title && e.startTime >= title.startTime) w.__long.push({ start: e.startTime, ms: Math.round(e.duration) });
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => w.__frames.push(...(list.getEntries() as Entry[]))).observe({ type: "long-animation-frame", buffered: true });
  });
  await page.goto(`${url}?seed=1`);
  await page.waitForFunction(() => performance.getEntriesByName("first-interactive").length > 0);
  await page.waitForTimeout(1000); // a player reads the title before pressing a key
  const firstKey = await page.evaluate(() => performance.now());
  const heading = () => page.evaluate(() => document.querySelector("#a11y-live h2")?.textContent ?? "");
  const updates = () => page.evaluate(() => Number(document.getElementById("a11y-live")!.dataset.updates ?? 0));
  /** Each key press: when (page clock), which key, on which screen; long tasks are told by the press before them. */
  const presses: { at: number; label: string }[] = [];
  const press = async (key: string) => {
    const before = await updates();
    const screen = await heading();
    presses.push({ at: await page.evaluate(() => performance.now()), label: `key ${presses.length + 1} (${key === " " ? "Space" : key} on "${screen}")` });
    await page.keyboard.press(key);
    await page.waitForFunction((n) => Number(document.getElementById("a11y-live")!.dataset.updates ?? 0) > n, before, { timeout: 15_000 });
  };
  const frames0 = await page.evaluate(() => ({ ...(window as unknown as { dealcraft: { game: { renderGate: { stats: { drawn: number; skipped: number } } } } }).dealcraft.game.renderGate.stats }));
  await press("Enter"); // scenario list (waits for the catalogue)
  await page.waitForFunction(() => /^1\. /m.test([...document.querySelectorAll("#a11y-live p")].map((p) => p.textContent).join("\n")));
  let steps = 0;
  for (; steps < 400 && !["复盘", "Debrief"].includes(await heading()); steps++) {
    const hasOptions = await page.evaluate(() => [...document.querySelectorAll("#a11y-live p")].some((p) => /^[1-9]\. /.test(p.textContent ?? "")));
    await press(hasOptions ? "1" : "Space");
  }
  await page.waitForTimeout(300);
  const raw = await page.evaluate(() => {
    const w = window as unknown as {
      __long: { start: number; ms: number }[];
      __frames: (PerformanceEntry & { scripts?: { invoker: string; duration: number }[] })[];
      dealcraft: { game: { renderGate: { stats: { drawn: number; skipped: number } } } };
    };
    return {
      long: w.__long.map((t) => {
        const frame = w.__frames.find((f) => f.startTime <= t.start + 1 && t.start < f.startTime + f.duration);
        const scripts = (frame?.scripts ?? []).filter((x) => x.duration >= 5).map((x) => `${x.invoker} ${Math.round(x.duration)} ms`);
        // The game's own performance.measure()s that overlap the task name what it was doing.
        const measures = performance
          .getEntriesByType("measure")
          .filter((m) => m.startTime < t.start + t.ms && t.start < m.startTime + m.duration)
          .map((m) => `${m.name} ${Math.round(m.duration)} ms`);
        const what = [...measures, ...scripts];
        return { start: t.start, ms: t.ms, what: what.length ? what.join(", ") : "no script: drawing / GPU" };
      }),
      frames: { ...w.dealcraft.game.renderGate.stats },
      // The meeting's own measures of each redraw, per key press.
      panel: performance.getEntriesByName("meeting: account panel").map((m) => ({ at: m.startTime, ms: m.duration })),
      body: performance.getEntriesByName("meeting: line and options").map((m) => ({ at: m.startTime, ms: m.duration })),
      // Options built while a line types out (between key presses, not on one).
      prepared: performance.getEntriesByName("meeting: options prepared").map((m) => m.duration),
    };
  });
  await context.close();
  return {
    titleIdle: raw.long.filter((t) => t.start < firstKey),
    play: raw.long
      .filter((t) => t.start >= firstKey)
      .map((t) => ({ ...t, what: `after ${presses.filter((p) => p.at <= t.start).at(-1)?.label ?? "?"}: ${t.what}` })),
    steps,
    frames: { drawn: raw.frames.drawn - frames0.drawn, skipped: raw.frames.skipped - frames0.skipped },
    ...perKeyPress(presses.map((p) => p.at), raw.panel, raw.body),
    prepared: raw.prepared,
  };
}

/**
 * The meeting's script per key press: each measure belongs to the press before it; a press
 * that redrew nothing of the panel counts 0 there. Only presses that drew the meeting count.
 */
function perKeyPress(at: number[], panel: { at: number; ms: number }[], body: { at: number; ms: number }[]): { panel: number[]; body: number[] } {
  const bucket = (t: number) => at.filter((a) => a <= t).length - 1;
  const p = new Map<number, number>();
  const b = new Map<number, number>();
  for (const m of panel) p.set(bucket(m.at), (p.get(bucket(m.at)) ?? 0) + m.ms);
  for (const m of body) b.set(bucket(m.at), (b.get(bucket(m.at)) ?? 0) + m.ms);
  const keys = [...b.keys()].sort((x, y) => x - y);
  return { panel: keys.map((k) => p.get(k) ?? 0), body: keys.map((k) => b.get(k)!) };
}

/** Several plays' per-key-press figures as one sample. */
function pooled(plays: PlayReport[]): { panel: number[]; body: number[]; prepared: number[] } {
  return { panel: plays.flatMap((p) => p.panel), body: plays.flatMap((p) => p.body), prepared: plays.flatMap((p) => p.prepared) };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};
/** Script per key press of the account panel and the line and options together. */
const bothOf = (r: { panel: number[]; body: number[] }) => r.body.map((b, i) => b + (r.panel[i] ?? 0));

/** Median and p90 of the meeting's script per key press: account panel, line and options, and both. */
function describeRedraws(label: string, play: { panel: number[]; body: number[]; prepared?: number[] }): string {
  const both = bothOf(play);
  const row = (name: string, xs: number[]) => `    ${name.padEnd(22)} median ${pct(xs, 50).toFixed(1).padStart(6)} ms   p90 ${pct(xs, 90).toFixed(1).padStart(6)} ms   (${xs.length} key presses)`;
  // A build that redraws the panel only on some presses has a median of 0 there: its cost when it does redraw is the other figure.
  const redrawn = play.panel.filter((x) => x > 0);
  const ahead = play.prepared?.length ? [row("options built ahead", play.prepared).replace("key presses", "times, while a line typed out")] : [];
  return [`  ${label}`, row("account panel", play.panel), row("  when it redrew", redrawn), row("line and options", play.body), row("both", both), ...ahead].join("\n");
}

const describeTasks = (tasks: LongTask[]) =>
  tasks.filter((t) => t.ms > 50).map((t) => `    ${t.ms} ms  (${t.what})`).join("\n") || "    none over 50 ms";

build([], { DEALCRAFT_OUT: "dist-bench/startup-game" });
build(["bench/hello", "--config", "vite.config.ts"], { DEALCRAFT_OUT: root + "dist-bench/startup-hello", PHASER_BUILD: "full", DEALCRAFT_PAGE: "hello" });
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
  console.log(`\nlong tasks (> 50 ms) on the main thread after the title showed:`);
  console.log(`  on the title, before the first key (1 s):`);
  console.log(describeTasks(play.titleIdle));
  console.log(`  playing the starter to the debrief (${play.steps} key presses):`);
  console.log(describeTasks(play.play));
  const total = play.frames.drawn + play.frames.skipped;
  console.log(`  frames while playing: ${play.frames.drawn} drawn, ${play.frames.skipped} skipped as unchanged (${Math.round((100 * play.frames.skipped) / Math.max(1, total))}%)`);
  // BENCH_COMPARE_DIST=<a built dist of another commit>: the same play on it, in the same run, as the baseline.
  // Plays alternate between the two builds (BENCH_PLAYS each), so a machine whose speed drifts affects both alike.
  const compareDir = process.env.BENCH_COMPARE_DIST;
  const other = compareDir ? await serve(compareDir) : null;
  try {
    const mine: PlayReport[] = [play];
    const theirs: PlayReport[] = [];
    for (let i = 0; i < PLAYS; i++) {
      if (i > 0) mine.push(await longTasksDuringPlay(browser, gameUrl));
      if (other) theirs.push(await longTasksDuringPlay(browser, other.resolvedUrls!.local[0]!));
    }
    console.log(`\nmeeting script per key press (the game's own performance.measure()s), ${PLAYS} play(s) each, pooled · CPU: ${cpus()[0]?.model ?? "unknown"}`);
    console.log(describeRedraws("this build:", pooled(mine)));
    if (other) {
      console.log(describeRedraws(`baseline build (${compareDir}):`, pooled(theirs)));
      const ratio = (a: { panel: number[]; body: number[] }, b: { panel: number[]; body: number[] }) => pct(bothOf(a), 50) / Math.max(0.01, pct(bothOf(b), 50));
      const perPlay = mine.map((m, i) => ratio(m, theirs[i]!));
      console.log(`  both, this build / baseline (median of pooled presses): ${ratio(pooled(mine), pooled(theirs)).toFixed(2)}; per play pair: ${perPlay.map((r) => r.toFixed(2)).join(" ")}`);
    }
  } finally {
    await other?.close();
  }
} finally {
  await browser.close();
  await game.close();
  await hello.close();
}
