/**
 * Property: a damaged scenario file never breaks anything. Random mutations of the bundled
 * files (keys deleted, values replaced by the wrong type, huge numbers, numbers JSON turns
 * into Infinity, inherited names as ids, invisible or 300 KB text, keys written twice,
 * parts copied where they do not belong) are either rejected with JSON paths, by the
 * checker and by the game's loader, or load and play without an exception, within a bound
 * on steps and on time, and their autosave restores.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkScenarioText, createRunner, freezeScenario, parseScenarioText, restoreRun, saveRun, type Runner } from "../../src/engine/index.ts";

/** Cases per run: with the save suite, over 2,000 generated cases in CI (each case checks a whole ~100 KB file). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 550);
/** A hang guard, not a benchmark: one case (check, load, play 300 steps, save and restore) takes milliseconds. */
const CASE_MS = 5000;
const MAX_STEPS = 300;
const FILES = ["scenarios/first-meetings.json", "scenarios/ice-to-eskimos.json"].map((f) => ({ file: f, json: JSON.parse(readFileSync(f, "utf8")) as unknown }));
const tally = { cases: 0, rejected: 0, played: 0, ended: 0, stuck: 0, open: 0, steps: 0, slowestMs: 0, passed: false };

type Path = Array<string | number>;
/** A number written as raw JSON text (1e400 parses as Infinity). */
class Raw {
  constructor(readonly text: string) {}
}

/** Every path in a JSON tree (the root excluded). */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  const children: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : value && typeof value === "object" ? Object.entries(value) : [];
  for (const [k, v] of children) {
    out.push([...path, k]);
    pathsOf(v, [...path, k], out);
  }
  return out;
}
const PATHS = FILES.map((f) => pathsOf(f.json));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tree = any;
function parentOf(root: Tree, path: Path): { parent: Tree; key: string | number } | null {
  let node = root;
  for (const k of path.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !(k in node)) return null;
    node = node[k];
  }
  return node !== null && typeof node === "object" ? { parent: node, key: path[path.length - 1]! } : null;
}
const get = (root: Tree, path: Path) => path.reduce((n, k) => (n !== null && typeof n === "object" ? n[k] : undefined), root);

const WRONG = [null, true, false, 0, -1, 0.5, 2 ** 53, 1e308, -1e308, "", "x", [], {}, [1, 2], { a: 1 }];
const HUGE = [1e308, -1e308, 1e21, -1e21, 2 ** 60, new Raw("1e400"), new Raw("-1e400"), new Raw("-0")];
const PROTO = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"];
const INVISIBLE = ["\u200b", "\u200b\u200b\u200b", "\ufeff", "\u200e\u200f", " ", "\u3000", "\u2060\u200d"];

const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("wrong-type" as const), at: fc.nat(), value: fc.constantFrom(...WRONG) }),
  fc.record({ kind: fc.constant("huge" as const), at: fc.nat(), value: fc.constantFrom(...HUGE) }),
  fc.record({ kind: fc.constant("proto-value" as const), at: fc.nat(), value: fc.constantFrom(...PROTO) }),
  fc.record({ kind: fc.constant("proto-key" as const), at: fc.nat(), value: fc.constantFrom(...PROTO) }),
  fc.record({ kind: fc.constant("invisible" as const), at: fc.nat(), value: fc.constantFrom(...INVISIBLE) }),
  fc.record({ kind: fc.constant("long-text" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-key" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("copy" as const), at: fc.nat(), from: fc.nat() }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** Applies mutations to a copy of a bundled file; returns its text (keys written twice where asked). */
function mutate(fileIndex: number, mutations: Mutation[]): string {
  const root: Tree = structuredClone(FILES[fileIndex]!.json);
  const paths = PATHS[fileIndex]!;
  const duplicates: Array<{ path: Path; key: string }> = [];
  for (const m of mutations) {
    const path = paths[m.at % paths.length]!;
    const slot = parentOf(root, path);
    if (!slot) continue;
    const { parent, key } = slot;
    const current = parent[key];
    switch (m.kind) {
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case "wrong-type":
      case "huge":
        parent[key] = m.value instanceof Raw ? m.value : structuredClone(m.value);
        break;
      case "proto-value":
      case "invisible":
        if (typeof current === "string" || typeof current === "number") parent[key] = m.value;
        break;
      case "proto-key":
        if (!Array.isArray(parent) && typeof key === "string") {
          delete parent[key];
          Object.defineProperty(parent, m.value, { value: current, enumerable: true, writable: true, configurable: true });
        }
        break;
      case "long-text":
        if (typeof current === "string") parent[key] = "long ".repeat(60_000);
        break;
      case "duplicate-key":
        if (!Array.isArray(parent) && typeof key === "string") duplicates.push({ path: path.slice(0, -1), key });
        break;
      case "copy": {
        const from = get(root, paths[m.from % paths.length]!);
        if (from !== undefined) parent[key] = from instanceof Raw ? from : structuredClone(from);
        break;
      }
    }
  }
  return emit(root, [], duplicates);
}

/** JSON text of a tree; writes each listed key twice (the copy first, so JSON.parse keeps the original). */
function emit(value: Tree, path: Path, duplicates: Array<{ path: Path; key: string }>): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map((v, i) => emit(v, [...path, i], duplicates)).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const here = JSON.stringify(path);
  const parts: string[] = [];
  for (const k of Object.keys(value)) {
    if (duplicates.some((d) => d.key === k && JSON.stringify(d.path) === here)) parts.push(`${JSON.stringify(k)}:null`);
    parts.push(`${JSON.stringify(k)}:${emit(value[k], [...path, k], duplicates)}`);
  }
  return `{${parts.join(",")}}`;
}

function play(r: Runner, picks: number[]): void {
  for (let i = 0; i < MAX_STEPS; i++) {
    if (r.status === "line") r.advance();
    else if (r.status === "awaiting-choice") r.choose(r.options[picks[i % picks.length]! % r.options.length]!.id);
    else return;
    tally.steps++;
  }
}

describe("property: damaged scenario files are rejected with a path or play safely", () => {
  afterAll(() => {
    console.log(
      `property-mutations: ${tally.cases} mutated files; ${tally.rejected} rejected with JSON paths, ${tally.played} loaded and played (${tally.steps} steps; ended ${tally.ended}, stuck ${tally.stuck}, open at the step bound ${tally.open}); slowest case ${tally.slowestMs.toFixed(0)} ms; ${tally.passed ? "0 crashes, 0 hangs, 0 lost saves" : "FAILED (see the counterexample)"}`,
    );
  });

  it(`holds for ${RUNS} random mutations of the bundled files`, () => {
    fc.assert(
      fc.property(fc.nat({ max: FILES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 8 }), fc.nat(), (fileIndex, mutations, picks, seed) => {
        const started = performance.now();
        const text = mutate(fileIndex, mutations);
        tally.cases++;
        // The checker never throws and names a path for every problem. It returns the data
        // exactly when the game's loader (parseScenarioText) would accept the file.
        const checked = checkScenarioText(text);
        for (const p of checked.problems) {
          expect(p.path).toMatch(/^\$/);
          expect(p.message.length).toBeGreaterThan(0);
        }
        if (!checked.data) {
          expect(checked.problems.length).toBeGreaterThan(0);
          tally.rejected++;
        } else {
          const s = freezeScenario(checked.data);
          const r = createRunner(s, seed);
          play(r, picks);
          tally.played++;
          if (r.status === "ended") tally.ended++;
          else if (r.status === "stuck") tally.stuck++;
          else tally.open++;
          for (const v of Object.values(r.state.points)) expect(Number.isFinite(v)).toBe(true);
          const back = restoreRun(s, JSON.parse(JSON.stringify(saveRun(r))));
          expect(back.state.node).toBe(r.state.node);
          expect(back.state.points).toEqual(r.state.points);
        }
        const ms = performance.now() - started;
        tally.slowestMs = Math.max(tally.slowestMs, ms);
        expect(ms).toBeLessThan(CASE_MS);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261201) },
    );
    tally.passed = true;
  }, 300_000); // the hang check is the per-case bound (CASE_MS); the whole run gets room on a loaded CI machine
});

describe("the checker and the game's loader agree", () => {
  it("checkScenarioText returns the data exactly when parseScenarioText accepts the file", () => {
    fc.assert(
      fc.property(fc.nat({ max: FILES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 2 }), (fileIndex, mutations) => {
        const text = mutate(fileIndex, mutations);
        expect(checkScenarioText(text).data === undefined).toBe(parseScenarioText(text).data === undefined);
      }),
      { numRuns: 60, seed: Number(process.env.PROPERTY_SEED ?? 20261201) },
    );
  }, 60_000);
});
