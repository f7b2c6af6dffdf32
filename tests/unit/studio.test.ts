import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexText, parseJsonPath, placeAt, spanOfPath, lineColumn } from "../../src/studio/json-paths.ts";
import { analyse } from "../../src/studio/analysis.ts";
import { buildGraph } from "../../src/studio/graph.ts";
import { describeAt, keysAt, valuesAt, type JsonSchema } from "../../src/studio/schema-help.ts";
import { declaredIds, idKindAt, idsFor, needOwnerAt } from "../../src/studio/ids.ts";
import { startAt } from "../../src/studio/harness.ts";
import { parsePlayRequest, STUDIO_PROTOCOL } from "../../src/content/studio-protocol.ts";
import { createRunner, loadScenario } from "../../src/engine/index.ts";
import { MINIMAL, copyOf } from "../../src/studio/templates.ts";
import en from "../../src/studio/strings/en.json";
import zhCN from "../../src/studio/strings/zh-CN.json";
import { miniData } from "./helpers.ts";

const schema = JSON.parse(readFileSync("scenarios/scenario.schema.json", "utf8")) as JsonSchema;
const miniText = readFileSync("tests/fixtures/mini.json", "utf8");

describe("JSON paths and places in the text", () => {
  it("splits checker paths, odd keys included", () => {
    expect(parseJsonPath('$.nodes["extra-0"].options[2].next')).toEqual(["nodes", "extra-0", "options", 2, "next"]);
    expect(parseJsonPath("$")).toEqual([]);
    expect(parseJsonPath("nodes.a")).toBeNull();
  });

  it("underlines exactly the value a problem is about", () => {
    const text = miniText.replace('"next": "middle"', '"next": "nowhere"');
    const span = spanOfPath(indexText(text), "$.nodes.hello.options[0].next");
    expect(text.slice(span.from, span.to)).toBe('"nowhere"');
  });

  it("puts a missing key on the object that lacks it, and a big object on its key", () => {
    const text = miniText;
    const missing = spanOfPath(indexText(text), "$.meta.authors");
    expect(text.slice(missing.from, missing.to)).toBe('"meta"');
    const big = spanOfPath(indexText(text), "$.nodes.hello");
    expect(text.slice(big.from, big.to)).toBe('"hello"');
  });

  it("knows where the cursor is in unfinished JSON", () => {
    const text = '{ "nodes": { "a": { "next": "he';
    expect(placeAt(text, text.length)).toMatchObject({ path: ["nodes", "a", "next"], atKey: false, typed: "he" });
    const key = '{ "meta": { "ti';
    expect(placeAt(key, key.length)).toMatchObject({ path: ["meta"], atKey: true, typed: "ti" });
    expect(lineColumn("a\nbc", 3)).toEqual({ line: 2, column: 2 });
  });
});

describe("the studio's analysis", () => {
  it("lists schema, reference and translation problems at once, each placed", () => {
    const d = miniData();
    d.cast.buyer.department = "marketing";
    d.nodes.hello.options[0].next = "nowhere";
    const text = JSON.stringify(d, null, 2);
    const a = analyse(text);
    const paths = a.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["$.cast.buyer.department", "$.nodes.hello.options[0].next"]));
    const dept = a.problems.find((p) => p.path === "$.cast.buyer.department")!;
    expect(text.slice(dept.from, dept.to)).toBe('"marketing"');
    expect(a.playable).toBe(false);
  });

  it("places every JSON syntax error where it is", () => {
    const text = '{\n  "meta": {\n    "id": "x",,\n  }\n}';
    const a = analyse(text);
    expect(a.problems.length).toBeGreaterThanOrEqual(1);
    expect(a.problems[0]).toMatchObject({ line: 3, severity: "error" });
    expect(a.problems[0]!.message).toMatch(/^invalid JSON: /);
  });

  it("passes the minimal template and copies of bundled scenarios", () => {
    expect(analyse(JSON.stringify(MINIMAL)).errors).toBe(0);
    const copy = JSON.parse(copyOf(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));
    expect(copy.meta.id).toBe("ice-to-eskimos-copy");
    expect(copy.meta.title.en).toMatch(/\(copy\)$/);
  });
});

describe("the map's graph", () => {
  it("has every node and ending, marks broken links and unreachable nodes, and groups by stage", () => {
    const d = miniData();
    d.nodes.orphan = { lines: [{ speaker: "narrator", text: { "zh-CN": "孤", en: "alone" } }], next: "ghost" };
    const g = buildGraph(d);
    expect(g.nodes.map((n) => n.key).sort()).toEqual(["ending:lost", "ending:won", "hello", "lose", "middle", "orphan", "win"].sort());
    expect(g.edges.filter((e) => e.broken)).toEqual([expect.objectContaining({ from: "orphan", to: "ghost", broken: true })]);
    expect(g.nodes.find((n) => n.id === "orphan")!.reachable).toBe(false);
    expect(g.nodes.find((n) => n.id === "hello")!.stage).toBe("entry");
    expect(g.nodes.find((n) => n.id === "middle")!.stage).toBe("tender"); // its onEnter moves the deal on
    expect(g.edges).toContainEqual(expect.objectContaining({ from: "hello", to: "ending:lost", option: "push", via: "end" }));
  });

  it("draws what it can of a document that does not validate", () => {
    const g = buildGraph({ start: "a", nodes: { a: { options: [{ id: "x", next: "b" }, "junk"] }, b: 7 } });
    expect(g.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(g.edges).toEqual([expect.objectContaining({ from: "a", to: "b", broken: false })]);
  });
});

describe("schema help and the file's own ids", () => {
  it("offers the keys of the move kind already written, with their descriptions", () => {
    const doc = { nodes: { a: { options: [{ move: { kind: "relationship" } }] } } };
    const keys = keysAt(schema, ["nodes", "a", "options", 0, "move"], doc).map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(["kind", "action", "colleague", "value"]));
    expect(keys).not.toContain("tactic");
    expect(describeAt(schema, ["nodes", "a", "options", 0, "move", "colleague"], doc)).toMatch(/bring-colleague: who joins/);
    expect(valuesAt(schema, ["cast", "x", "department"], {})).toEqual(["procurement", "finance", "technical", "users", "executive"]);
  });

  it("knows which ids fit where, and offers the needs of the stakeholder addressed", () => {
    const d = readFileSync("scenarios/first-meetings.json", "utf8");
    const doc = JSON.parse(d);
    const ids = declaredIds(doc);
    expect(ids.node.length).toBe(Object.keys(doc.nodes).length);
    expect(idKindAt(["nodes", "a", "options", 0, "next"])).toBe("node");
    expect(idKindAt(["nodes", "a", "options", 0, "to"])).toBe("stakeholder");
    expect(idKindAt(["nodes", "a", "options", 0, "effects", 0, "need", "to"])).toBeUndefined();
    expect(idKindAt(["stages", 0, "gate", "count", "level"])).toBeUndefined();
    const [node, option] = Object.entries(doc.nodes as Record<string, { options?: { to?: string; move: { need?: string } }[] }>)
      .flatMap(([id, n]) => (n.options ?? []).map((o, i) => [id, i, o] as const))
      .find(([, , o]) => o.move.need && o.to)!;
    const owner = needOwnerAt(doc, ["nodes", node, "options", option, "move", "need"]);
    expect(owner).toBeDefined();
    expect(idsFor(ids, "need", owner).every((n) => n.owner === owner)).toBe(true);
  });
});

describe("play from here", () => {
  it("starts a copy of the scenario at a chosen node with chosen state", () => {
    const doc = startAt(miniData(), { node: "middle", vars: { trust: 5 }, meters: { buyer: { trust: 6, interest: 6, emotion: 6 } }, stage: "tender" });
    const s = loadScenario(doc);
    const r = createRunner(s, "x");
    expect(r.state.node).toBe("middle");
    expect(r.state.vars.trust).toBe(5);
    expect(r.state.stage).toBe("tender");
    expect(r.state.account.stakeholders.buyer!.trust).toBe(6);
    for (let i = 0; i < 10 && r.status === "line"; i++) r.advance();
    expect(r.options.map((o) => o.id)).toContain("safe"); // its condition (trust >= 4) now holds
    expect(miniData().start).toBe("hello"); // the original is untouched
  });

  it("accepts only well-formed play requests", () => {
    const ok = { protocol: STUDIO_PROTOCOL, kind: "play", text: "{}", seed: "s", decisions: [{ node: "a", option: "b" }] };
    expect(parsePlayRequest(ok)).toEqual(ok);
    expect(parsePlayRequest({ ...ok, protocol: "other" })).toBeNull();
    expect(parsePlayRequest({ ...ok, decisions: [{ node: "a" }] })).toBeNull();
    expect(parsePlayRequest({ ...ok, seed: "" })).toBeNull();
    expect(parsePlayRequest({ ...ok, text: "x".repeat(3 * 1024 * 1024) })).toBeNull();
    expect(parsePlayRequest("play")).toBeNull();
  });
});

describe("the studio's word lists", () => {
  it("are the engine's own, read from the schema", async () => {
    const v = await import("../../src/studio/vocab.ts");
    const e = await import("../../src/engine/vocabulary.ts");
    const { MAX_SCENARIO_BYTES } = await import("../../src/engine/limits.ts");
    const { MAX_PLAY_TEXT } = await import("../../src/content/studio-protocol.ts");
    expect(v.COMPETENCY_NAMES).toEqual([...e.COMPETENCIES]);
    expect(v.NEED_STATE_NAMES).toEqual([...e.NEED_STATES]);
    expect(v.TASK_NAMES).toEqual([...e.STAGE3_TASKS]);
    expect(v.TASK_STATUS_NAMES).toEqual([...e.TASK_STATUSES]);
    expect(v.COLLEAGUE_NAMES).toEqual([...e.COLLEAGUES]);
    expect(v.MAX_TEXT_BYTES).toBe(MAX_SCENARIO_BYTES);
    expect(MAX_PLAY_TEXT).toBe(MAX_SCENARIO_BYTES);
  });
});

describe("studio UI strings", () => {
  it("exist in both locales with the same keys and placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(ph(zhCN[k]), k).toEqual(ph(en[k]));
  });
});
