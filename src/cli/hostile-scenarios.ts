/**
 * Scenario files a hostile or generated source could hand the checker, each of a size
 * `n`: what `npm run bench:check` times and tests/unit/check-hostile.test.ts compares at
 * two sizes. Each stays under MAX_SCENARIO_BYTES at the sizes used, so the checker has to
 * read it rather than refuse it by size.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const text = (s: string): Loose => ({ "zh-CN": s, en: s });

/** A small valid scenario: a start node with one option to an ending node. */
function base(): Loose {
  return {
    format: "dealcraft-scenario",
    formatVersion: 2,
    meta: { id: "hostile", version: "1.0.0", title: text("Hostile"), summary: text("Generated."), client: text("Co."), estimatedMinutes: 1, locales: ["zh-CN", "en"] },
    cast: { buyer: { name: text("Wang"), title: text("Buyer"), department: "procurement", decisionRole: "gatekeeper" } },
    stages: [{ id: "entry", pipeline: "shortlist" }],
    variables: { trust: { initial: 0, min: 0, max: 10 } },
    start: "start",
    nodes: {
      start: { lines: [{ speaker: "buyer", text: text("Hello.") }], options: [{ id: "go", text: text("Go"), move: { kind: "talk" }, next: "done" }] },
      done: { lines: [{ speaker: "narrator", text: text("Done.") }], ending: "won" },
    },
    endings: { won: { outcome: "won", title: text("Won"), summary: text("You won.") } },
  };
}

/** The shapes, by name: each gives the file's text for size `n`. */
export const HOSTILE: Record<string, (n: number) => string> = {
  /** One node with `n` options (the cap is 9). */
  options: (n) => {
    const s = base();
    s.nodes.start.options = Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: text("Ask"), move: { kind: "spin", type: "problem" }, to: "buyer", effects: [{ add: "trust", value: 1 }], next: "done" }));
    return JSON.stringify(s);
  },
  /** One option with `n` effects. */
  effects: (n) => {
    const s = base();
    s.nodes.start.options[0].effects = Array.from({ length: n }, () => ({ figure: "risk", by: 1 }));
    return JSON.stringify(s);
  },
  /** `n` gotos to nodes that do not exist (each message names the missing id). */
  brokenRefs: (n) => {
    const s = base();
    s.nodes.start.options[0].effects = Array.from({ length: n }, (_, i) => ({ goto: `nowhere-${i}` }));
    return JSON.stringify(s);
  },
  /** `n` stages, each gate testing the next one's, the last the first's: one cycle through all. */
  gateCycle: (n) => {
    const s = base();
    s.stages = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, pipeline: "shortlist", gate: { gate: `s${(i + 1) % n}` } }));
    return JSON.stringify(s);
  },
  /** `n` stages, each gate testing the next one's: a chain without a cycle. */
  gateChain: (n) => {
    const s = base();
    s.stages = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, pipeline: "shortlist", ...(i + 1 < n ? { gate: { gate: `s${i + 1}` } } : {}) }));
    return JSON.stringify(s);
  },
  /** `n` options, each offered only after another option of the same node was chosen. */
  chosen: (n) => {
    const s = base();
    s.nodes.start.options = [
      { id: "go", text: text("Go"), move: { kind: "talk" }, next: "done" },
      ...Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: text("Ask"), move: { kind: "talk" }, condition: { chosen: { node: "start", option: `o${n - 1 - i}` } }, next: "done" })),
    ];
    return JSON.stringify(s);
  },
  /** A file of ordinary shape, `n` nodes in a row with two options each: the baseline of like size. */
  ordinary: (n) => {
    const s = base();
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? `n${i + 1}` : "done";
      s.nodes[`n${i}`] = {
        lines: [{ speaker: "buyer", text: text(`Line ${i}.`) }],
        options: [
          { id: "a", text: text("Ask"), move: { kind: "spin", type: "problem" }, to: "buyer", effects: [{ add: "trust", value: 1 }], next },
          { id: "b", text: text("Talk"), move: { kind: "talk" }, next },
        ],
      };
    }
    s.nodes.start.options[0].next = "n0";
    return JSON.stringify(s);
  },
};
