/**
 * Small scenarios built in code for checker and engine tests: a valid base that a test
 * bends one way, so each test shows only what it is about.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export const text = (s: string): Loose => ({ "zh-CN": `【${s}】`, en: s });

/** A line by `speaker`. */
export const line = (speaker: string, s = "…"): Loose => ({ speaker, text: text(s) });

/** An option of kind `talk` to `next`. */
export const option = (id: string, next?: string, extra: Loose = {}): Loose => ({
  id,
  text: text(`option ${id}`),
  move: { kind: "talk" },
  ...(next !== undefined ? { next } : {}),
  ...extra,
});

/** A scenario with one stakeholder "buyer", nodes `start` → `done` (ending "won") unless `nodes` replaces them. */
export function scenario(nodes?: Loose, extra: Loose = {}): Loose {
  return {
    format: "dealcraft-scenario",
    formatVersion: 2,
    meta: {
      id: "built",
      version: "1.0.0",
      title: text("Built"),
      summary: text("A scenario built in a test."),
      client: text("Test Co."),
      estimatedMinutes: 1,
      locales: ["zh-CN", "en"],
    },
    cast: {
      buyer: { name: text("Wang"), title: text("Buyer"), department: "procurement", decisionRole: "gatekeeper" },
    },
    stages: [{ id: "entry", pipeline: "shortlist" }],
    start: "start",
    nodes: nodes ?? {
      start: { lines: [line("buyer", "Hello.")], options: [option("go", "done")] },
      done: { lines: [line("narrator", "Done.")], ending: "won" },
    },
    endings: { won: { outcome: "won", title: text("Won"), summary: text("You won.") } },
    ...extra,
  };
}
