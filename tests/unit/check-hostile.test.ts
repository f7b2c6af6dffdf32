/**
 * The checker on hostile files (issue 24): every pass linear and bounded by the caps, and
 * every echoed value cut short. Speed is judged as a relation between two sizes of the
 * same shape in the same process (CPU time, best of two), never against a clock: a file
 * ten times larger may take at most a small multiple of ten times as long, where a
 * quadratic pass takes a hundred times. The probe's work is counted, not timed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenarioText } from "../../src/engine/check.ts";
import { loadScenario } from "../../src/engine/loader.ts";
import { echo, jsonPath, listed, MAX_ECHO } from "../../src/engine/problems.ts";
import { probeScenario, PROBE_WORK } from "../../src/engine/teaching-lint.ts";
import { HOSTILE } from "../../src/cli/hostile-scenarios.ts";
import { tsxArgs } from "./helpers.ts";

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms of checking `text`, best of two (the first run also warms the code up). */
function checkMs(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t = cpuMs();
    checkScenarioText(text);
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

/** Ten times the size may cost at most this many times ten (linear with slack for GC and caches; a quadratic pass is ×10). */
const SLACK = 3;

describe("scenarios:check stays linear on hostile files", () => {
  it.each([
    ["options", 500],
    ["effects", 2000],
    ["brokenRefs", 1000],
    ["gateCycle", 500],
    ["gateChain", 500],
    ["chosen", 500],
  ])("%s: ten times the size costs about ten times as much (from n = %i)", (shape, n) => {
    const make = HOSTILE[shape]!;
    const small = make(n);
    const large = make(n * 10);
    const ratio = checkMs(large) / Math.max(1, checkMs(small));
    expect(ratio, `${shape}: ×${ratio.toFixed(1)} for ×10 the size`).toBeLessThan(10 * SLACK);
  });

  it("the probe's work is bounded: ten thousand options or fifty thousand effects stop at the limit and say so", () => {
    for (const text of [HOSTILE.options!(10_003), HOSTILE.effects!(50_000)]) {
      const probe = probeScenario(loadScenario(JSON.parse(text)));
      // The limit is checked between steps: at most one step's work past it.
      expect(probe.work).toBeLessThan(PROBE_WORK * 1.1);
    }
    const big = probeScenario(loadScenario(JSON.parse(HOSTILE.options!(10_003))));
    expect(big.cutShort).toBe(true);
    const { problems } = checkScenarioText(HOSTILE.options!(10_003));
    expect(problems.some((p) => p.path === "$" && /probe runs stopped early/.test(p.message))).toBe(true);
    // What an unfinished probe cannot prove is not claimed.
    expect(problems.some((p) => /no built-in policy reached this ending/.test(p.message))).toBe(false);
  });

  it("a real scenario's probe stays far under the limit and is not cut short", () => {
    const probe = probeScenario(loadScenario(JSON.parse(HOSTILE.ordinary!(20))));
    expect(probe.cutShort).toBe(false);
    expect(probe.work).toBeLessThan(PROBE_WORK / 10);
  });

  it("a gate cycle through many stages is reported for each stage, with the chain cut short", () => {
    const { problems } = checkScenarioText(HOSTILE.gateCycle!(300));
    const cycles = problems.filter((p) => /depends on itself/.test(p.message));
    expect(cycles).toHaveLength(300);
    expect(cycles[0]!.message).toMatch(/^this gate depends on itself \(s0 → s1 → .* → … → s0\)/);
    expect(Math.max(...cycles.map((p) => p.message.length))).toBeLessThan(300);
  });
});

describe("echoed values are cut short", () => {
  it("echo and listed cut long values and long lists", () => {
    expect(echo("short")).toBe("short");
    const cut = echo("x".repeat(1_000_000));
    expect(cut.length).toBeLessThanOrEqual(MAX_ECHO);
    expect(cut.endsWith("…")).toBe(true);
    expect(listed([])).toBe("(none)");
    expect(listed(Array.from({ length: 1000 }, (_, i) => `id${i}`))).toMatch(/^id0, id1, .*, … \(992 more\)$/);
    expect(jsonPath(["nodes", "k".repeat(1_000_000), "lines"]).length).toBeLessThan(130);
  });

  it("a megabyte id in a reference, a key or a list gives messages of ordinary length", () => {
    const huge = "n".repeat(1 << 20);
    const refs = JSON.parse(HOSTILE.brokenRefs!(3));
    refs.nodes.start.options[0].next = huge; // fails the id pattern, and names no node
    refs.nodes[huge.replace(/n/g, "k")] = { lines: [{ speaker: "nobody", text: { en: "x".repeat(600) } }], next: "also-nowhere" };
    const { problems } = checkScenarioText(JSON.stringify(refs));
    expect(problems.length).toBeGreaterThan(0);
    const longest = Math.max(...problems.map((p) => p.path.length + p.message.length));
    expect(longest).toBeLessThan(1000);
  });

  it("thousands of broken references do not each list every node", () => {
    const s = JSON.parse(HOSTILE.ordinary!(2000));
    s.nodes.start.options[0].effects = Array.from({ length: 2000 }, (_, i) => ({ goto: `gone-${i}` }));
    s.start = "not-a-node";
    const { problems } = checkScenarioText(JSON.stringify(s));
    const start = problems.find((p) => p.path === "$.start")!;
    expect(start.message).toMatch(/nodes: .*… \(\d+ more\)$/);
    expect(start.message.length).toBeLessThan(400);
  });
});

describe("the CLI lets piped output drain", () => {
  it("prints every line of a long report through a pipe, and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "dealcraft-hostile-"));
    const file = join(dir, "many.json");
    writeFileSync(file, HOSTILE.brokenRefs!(3000));
    // spawnSync reads stdout through a pipe: output still buffered at a process.exit would be lost.
    const r = spawnSync(process.execPath, tsxArgs("src/cli/check.ts", file), { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n").filter((l) => l.includes('no node "nowhere-'));
    expect(lines).toHaveLength(3000);
    expect(r.stdout.endsWith("\n")).toBe(true);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024); // more than a pipe holds at once
  });
});
