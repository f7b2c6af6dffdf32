/**
 * Silent data loss and text that freezes: duplicate keys, `__proto__` keys, translations
 * made only of invisible characters, text and counts beyond what the screens show, and
 * numbers that overflow. Each case here passed the checker (and loaded in the game) before.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenarioText, createRunner, loadScenario, parseScenarioText, restoreRun, saveRun, type Problem } from "../../src/engine/index.ts";
import { dialogueHeight, MAX_CLIENT_COLUMNS, MAX_LINE_COLUMNS, MAX_MEETING_CAST, MAX_NAME_COLUMNS, MAX_OPTIONS, MAX_TITLE_COLUMNS } from "../../src/engine/caps.ts";
import { screenFitWarnings } from "../../src/engine/caps-check.ts";
import { line, option, scenario, text, type Loose } from "./scenario-builder.ts";

const check = (json: string): Problem[] => checkScenarioText(json).problems;
const paths = (json: string) => check(json).map((p) => p.path);

describe("keys JSON.parse would hide", () => {
  it("a duplicate key is reported with its path and line, and the game refuses the file", () => {
    const json = JSON.stringify(scenario(), null, 2).replace('"start": "start",', '"start": "start",\n  "start": "done",');
    const problems = check(json);
    expect(problems).toContainEqual({ path: "$.start", message: expect.stringMatching(/duplicate key "start" \(line \d+, column \d+\)/) });
    expect(parseScenarioText(json).data).toBeUndefined();
  });

  it("a duplicate key deep inside a node is reported at that node's path", () => {
    const json = JSON.stringify(scenario()).replace('"ending":"won"', '"ending":"won","ending":"won"');
    expect(paths(json)).toContain("$.nodes.done.ending");
  });

  it("a `__proto__` node is reported, not dropped", () => {
    const d = scenario();
    const json = JSON.stringify(d).replace('"nodes":{', '"nodes":{"__proto__":{"lines":[{"speaker":"narrator","text":{"en":"x","zh-CN":"x"}}],"ending":"won"},');
    expect(paths(json)).toContain("$.nodes.__proto__");
    expect(parseScenarioText(json).data).toBeUndefined();
  });

  it("a `__proto__` key anywhere (inside a text) is reported", () => {
    const json = JSON.stringify(scenario()).replace('"en":"Won"', '"en":"Won","__proto__":{"en":"x"}');
    expect(paths(json)).toContain("$.endings.won.title.__proto__");
  });
});

describe("invisible text", () => {
  for (const [name, invisible] of [
    ["zero-width spaces", "\u200b\u200b\u200b"],
    ["a BOM", "\ufeff"],
    ["bidi marks", "\u200e\u200f\u202a"],
    ["blanks", " \u3000\t"],
    ["a zero-width joiner and a word joiner", "\u200d\u2060"],
  ] as const) {
    it(`a translation of only ${name} counts as missing`, () => {
      const d = scenario();
      d.nodes.done.lines[0].text.en = invisible;
      expect(check(JSON.stringify(d))).toContainEqual({ path: "$.nodes.done.lines[0].text.en", message: expect.stringMatching(/invisible|missing/) });
    });
  }
  it("a text whose every translation is invisible fails the schema", () => {
    const d = scenario();
    d.nodes.done.lines[0].text = { "zh-CN": "\u200b", en: "\u200b" };
    expect(paths(JSON.stringify(d))).toContain("$.nodes.done.lines[0].text");
    expect(parseScenarioText(JSON.stringify(d)).data).toBeUndefined();
  });
  it("text with visible characters next to invisible ones is fine", () => {
    const d = scenario();
    d.nodes.done.lines[0].text.en = "\u200bDone\u200e";
    expect(check(JSON.stringify(d))).toEqual([]);
  });
});

describe("text and counts beyond what the screens show", () => {
  it("a 300 KB line is refused with its path; the game does not load it", () => {
    const d = scenario();
    d.nodes.start.lines[0].text.en = "word ".repeat(60_000);
    const json = JSON.stringify(d);
    const problems = check(json);
    expect(problems).toContainEqual({ path: "$.nodes.start.lines[0].text.en", message: expect.stringMatching(new RegExp(`times the ${MAX_LINE_COLUMNS} that fit`)) });
    expect(parseScenarioText(json).data).toBeUndefined();
  });

  it("caps count Chinese characters as two columns, so the same screen space holds in both locales", () => {
    const d = scenario();
    d.nodes.start.lines[0].text["zh-CN"] = "字".repeat(MAX_LINE_COLUMNS / 2);
    expect(check(JSON.stringify(d))).toEqual([]);
    d.nodes.start.lines[0].text["zh-CN"] = "字".repeat(MAX_LINE_COLUMNS / 2 + 1);
    expect(paths(JSON.stringify(d))).toEqual(['$.nodes.start.lines[0].text["zh-CN"]']);
  });

  it("a scenario title longer than a card shows is a warning: the file loads and the game shortens the title", () => {
    const d = scenario();
    d.meta.title.en = "T".repeat(MAX_TITLE_COLUMNS + 1);
    const json = JSON.stringify(d);
    expect(check(json)).toEqual([{ path: "$.meta.title.en", severity: "warning", rule: "over-cap", args: expect.objectContaining({ place: "title" }), message: expect.stringMatching(/shortens it/) }]);
    expect(parseScenarioText(json).data).toBeDefined();
  });

  it("the client's name and a stakeholder's name have the room of the top bar and of a portrait's plate", () => {
    const d = scenario();
    d.meta.client.en = "C".repeat(MAX_CLIENT_COLUMNS + 1);
    d.cast.buyer.name["zh-CN"] = "名".repeat(MAX_NAME_COLUMNS / 2 + 1);
    expect(paths(JSON.stringify(d)).sort()).toEqual(['$.cast.buyer.name["zh-CN"]', "$.meta.client.en"]);
  });

  it(`more than ${MAX_OPTIONS} options in a node is refused (the keys 1-9 choose them)`, () => {
    const d = scenario();
    d.nodes.start.options = Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => option(`o${i}`, "done"));
    expect(paths(JSON.stringify(d))).toContain("$.nodes.start.options");
  });

  it(`more than ${MAX_MEETING_CAST} stakeholders in one meeting is reported`, () => {
    const cast: Loose = {};
    const lines = [];
    for (let i = 0; i <= MAX_MEETING_CAST; i++) {
      cast[`p${i}`] = { name: text(`P${i}`), title: text("Staff"), department: "users", decisionRole: "user" };
      lines.push(line(`p${i}`));
    }
    const d = scenario(
      { start: { meeting: "m", lines, options: [option("go", "done")] }, done: { lines: [line("narrator")], ending: "won" } },
      { cast, meetings: { m: { title: text("Crowded") } } },
    );
    expect(check(JSON.stringify(d))).toEqual([{ path: "$.meetings.m", message: expect.stringMatching(/seats 5/) }]);
  });
});

describe("numbers that overflow", () => {
  const big: Array<[string, (d: Loose) => void, string]> = [
    ["an add effect", (d) => (d.nodes.start.options[0].effects = [{ add: "x", value: 1e308 }]), "$.nodes.start.options[0].effects[0].value"],
    ["a figure effect", (d) => (d.nodes.start.options[0].effects = [{ figure: "risk", by: 1e308 }]), "$.nodes.start.options[0].effects[0].by"],
    ["a meter effect", (d) => (d.nodes.start.options[0].effects = [{ meter: { who: "buyer", trust: 1e308 } }]), "$.nodes.start.options[0].effects[0].meter.trust"],
    ["an option's cost", (d) => (d.nodes.start.options[0].cost = { budget: 1e308 }), "$.nodes.start.options[0].cost.budget"],
    ["the starting resources", (d) => (d.resources = { weeks: 1e308, budget: 10 }), "$.resources.weeks"],
    ["a variable's initial value", (d) => (d.variables.x.initial = 1e308), "$.variables.x.initial"],
    ["a random weight", (d) => (d.nodes.start.options[0].effects = [{ random: [{ weight: 1e308, effects: [] }] }]), "$.nodes.start.options[0].effects[0].random[0].weight"],
  ];
  it.each(big)("a huge number in %s is refused with its path", (_what, bend, path) => {
    const d = scenario(undefined, { variables: { x: { initial: 0 } } });
    bend(d);
    expect(paths(JSON.stringify(d))).toContain(path);
  });

  it("the largest numbers the schema accepts cannot put Infinity into a run, and its autosave restores", () => {
    const d = scenario(
      {
        start: {
          lines: [line("buyer")],
          options: [
            option("pump", "start", { effects: [{ add: "x", value: 1e6 }, { figure: "risk", by: 1000 }, { figure: "integration", by: 1000 }] }),
            option("stop", "done"),
          ],
        },
        done: { lines: [line("narrator")], ending: "won" },
      },
      { variables: { x: { initial: 1e9 } } },
    );
    // Only the lint's note that "pump" is offered again right after it is taken: the file loads.
    expect(check(JSON.stringify(d)).filter((p) => !p.message.includes("offered again right after"))).toEqual([]);
    const s = loadScenario(d);
    const r = createRunner(s, 1);
    for (let i = 0; i < 400; i++) {
      if (r.status === "line") r.advance();
      else r.choose("pump");
    }
    expect(Number.isFinite(r.state.vars.x)).toBe(true);
    expect(Number.isFinite(r.state.account.risk)).toBe(true);
    const again = restoreRun(s, JSON.parse(JSON.stringify(saveRun(r))));
    expect(again.state.vars).toEqual(r.state.vars);
  });
});

describe("all problems at once", () => {
  it("schema, references, caps and graph problems of one file come in one report", () => {
    const d = scenario({
      start: { lines: [line("buyer")], options: [option("go", "loop"), option("bad", "nowhere")] },
      loop: { lines: [line("buyer")], options: [option("again", "loop")] },
      broken: { lines: [], ending: "won" },
    });
    d.meta.title.en = "T".repeat(MAX_TITLE_COLUMNS + 1);
    const got = paths(JSON.stringify(d));
    expect(got).toContain("$.nodes.broken.lines"); // schema
    expect(got).toContain("$.nodes.start.options[1].next"); // reference
    expect(got).toContain("$.meta.title.en"); // cap
    expect(got).toContain("$.nodes.loop"); // graph, despite the schema problem elsewhere
  });
});

describe("a node's last line and options fit the meeting screen (an estimate, so a warning)", () => {
  it("warns when the options always offered would fall under the footer, and not for a node that fits", () => {
    const d = scenario();
    const long = "We have reviewed the downtime figures you sent and would like to walk through them together with you";
    d.nodes.start.options = Array.from({ length: 8 }, (_, i) => option(`o${i}`, "done", { text: text(long) }));
    const s = loadScenario(d);
    expect(screenFitWarnings(s)).toEqual([{ path: "$.nodes.start.options", message: expect.stringMatching(/8 options always offered here need about \d+ px/) }]);
    // Options behind a condition are not counted: they may never show together.
    d.nodes.start.options.slice(3).forEach((o: Loose) => (o.condition = { visited: "done" }));
    expect(screenFitWarnings(loadScenario(d))).toEqual([]);
    expect(screenFitWarnings(loadScenario(scenario()))).toEqual([]);
  });

  it("grows with the line's length and each option's rows", () => {
    expect(dialogueHeight(280, [10])).toBeGreaterThan(dialogueHeight(60, [10]));
    expect(dialogueHeight(60, [200])).toBeGreaterThan(dialogueHeight(60, [40]));
    expect(dialogueHeight(60, [40, 40])).toBeGreaterThan(dialogueHeight(60, [40]));
  });

  // Found while choosing the caps: in the starter, the strategy huddle (b2) offers seven
  // options that run under the footer at 1280×720 in both locales (screenshots in the
  // report), and six more nodes are close to it in English. Scenario content is the lead's.
  it("every node of the bundled scenarios fits the meeting screen (without the room when its options need it)", () => {
    for (const f of ["scenarios/first-meetings.json", "scenarios/ice-to-eskimos.json", "scenarios/keep-and-grow.json"]) {
      expect(screenFitWarnings(loadScenario(JSON.parse(readFileSync(f, "utf8"))))).toEqual([]);
    }
  });
});
