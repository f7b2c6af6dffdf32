import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenarioBytes } from "../../src/engine/index.ts";
import { tsxArgs } from "./helpers.ts";

const tmp = mkdtempSync(join(tmpdir(), "dealcraft-check-"));
const huge = join(tmp, "huge.json");
writeFileSync(huge, JSON.stringify({ format: "dealcraft-scenario", pad: "x".repeat(3 * 1024 * 1024) }));
const deep = join(tmp, "deep.json");
writeFileSync(deep, "[".repeat(200_000) + "]".repeat(200_000));
const deepCondition = join(tmp, "deep-condition.json");
{
  const d = JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8"));
  let c: unknown = { visited: "hello" };
  for (let i = 0; i < 100; i++) c = { not: c };
  d.nodes.middle.options[0].condition = c;
  writeFileSync(deepCondition, JSON.stringify(d));
}

/** Runs the real CLI as an instructor would. */
function cli(...files: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, tsxArgs("src/cli/check.ts", ...files), { encoding: "utf8", timeout: 20_000 });
  const lines = r.stdout.trim().split("\n").filter(Boolean);
  // Teaching-lint warnings (": warning: ") do not fail a file; `out` holds the errors.
  return { code: r.status, out: lines.filter((l) => !l.includes(": warning: ")), warnings: lines.filter((l) => l.includes(": warning: ")), err: r.stderr, ms: Date.now() - started };
}

describe("scenarios:check on bad input", () => {
  it.each([
    ["tests/fixtures/bad/empty.json", /^tests\/fixtures\/bad\/empty\.json: \$: the file is empty$/],
    ["tests/fixtures/bad/truncated.json", /^tests\/fixtures\/bad\/truncated\.json: \$: invalid JSON: .* at line 1, column \d+$/],
    ["tests/fixtures/bad/array.json", /: \$: expected a scenario object, got an array$/],
    ["tests/fixtures/bad/binary.json", /: \$: the file is not UTF-8 text/],
    [huge, /huge\.json: \$: the file is 3\.0 MB; a scenario may be at most 2 MB$/],
    [deep, /deep\.json: \$: JSON nested 200000 levels deep; at most 64 are allowed$/],
    [deepCondition, /deep-condition\.json: \$: JSON nested \d+ levels deep; at most 64 are allowed$/],
    ["tests/fixtures/bad/no-such-file.json", /no-such-file\.json: \$: cannot read: no such file$/],
  ])("%s gets one `file: path: message` line and exit 1, without a stack trace", (file, line) => {
    const r = cli(file);
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(line);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("reports graph and translation problems one per line", () => {
    const r = cli("tests/fixtures/bad/graph-problems.json");
    expect(r.code).toBe(1);
    expect(r.out.map((l) => l.replace("tests/fixtures/bad/graph-problems.json: ", "")).sort()).toEqual([
      '$.endings.draw: no node or effect leads to this ending',
      '$.nodes.middle.options: every option has a condition, so a player can be stuck here; add one option without a condition',
      '$.nodes.orphan: unreachable: no path leads here from the start node "hello"',
      "$.nodes.win.lines[0].text.en: missing en translation",
    ]);
  });

  it("reports schema problems, broken references and the graph together", () => {
    const r = cli("tests/fixtures/bad/schema-problems.json");
    expect(r.out).toEqual([
      "tests/fixtures/bad/schema-problems.json: $.meta.title: expected object, but it is missing",
      'tests/fixtures/bad/schema-problems.json: $.nodes.hello.options[0].next: no node "nowhere"',
      // With the broken next, nothing leads to the rest of the graph.
      'tests/fixtures/bad/schema-problems.json: $.nodes.middle: unreachable: no path leads here from the start node "hello"',
      'tests/fixtures/bad/schema-problems.json: $.nodes.win: unreachable: no path leads here from the start node "hello"',
      'tests/fixtures/bad/schema-problems.json: $.nodes.lose: unreachable: no path leads here from the start node "hello"',
    ]);
  });

  it("exits 0 and prints nothing on stdout for a clean file", () => {
    const r = cli("tests/fixtures/mini.json");
    expect(r.out).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("checks every bundled scenario by default; teaching warnings are listed but do not fail it", () => {
    const r = cli();
    expect(r.out).toEqual([]);
    for (const w of r.warnings) expect(w).toMatch(/^scenarios\/[\w.-]+\.json: warning: \$[^:]*: /);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/[1-9]\d* file\(s\) checked, 0 with problems/);
  });

  it("flags an option that leads nowhere", () => {
    const d = JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8"));
    delete d.nodes.hello.options[0].next;
    const { problems } = checkScenarioBytes(new TextEncoder().encode(JSON.stringify(d)));
    expect(problems.map((p) => p.path + ": " + p.message)).toContain(
      '$.nodes.hello.options[0]: option "ask-problem" leads nowhere: give it "next", or a goto/end effect on every path',
    );
  });
});
