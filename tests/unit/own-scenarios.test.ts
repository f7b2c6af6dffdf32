import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addToLibrary, LIBRARY_KEY, readLibrary, removeFromLibrary } from "../../src/content/library.ts";
import { fileNameOf, ownEntry } from "../../src/content/catalogue.ts";
import { checkScenarioText } from "../../src/engine/check.ts";
import { memoryStorage } from "../../src/store/index.ts";

const zhOnly = readFileSync("tests/fixtures/own/zh-only.json", "utf8");
const mini = readFileSync("tests/fixtures/mini.json", "utf8");

describe("a scenario in one locale", () => {
  it("passes the full checker when it declares zh-CN only", () => {
    const { problems, data } = checkScenarioText(zhOnly);
    expect(problems).toEqual([]);
    expect(data?.meta.locales).toEqual(["zh-CN"]);
  });

  it("still needs every declared locale on every text", () => {
    const broken = JSON.parse(zhOnly);
    broken.meta.locales = ["zh-CN", "en"];
    const { problems } = checkScenarioText(JSON.stringify(broken));
    expect(problems.length).toBeGreaterThan(5);
    expect(problems.every((p) => p.message === "missing en translation")).toBe(true);
    expect(problems.map((p) => p.path)).toContain("$.meta.title.en");
  });
});

describe("a player's own scenario file", () => {
  it("loads as a library entry", () => {
    const e = ownEntry({ file: "mine.json", text: zhOnly }, new Set(["first-meetings"]));
    expect(e.ok && e.scenario.meta.id).toBe("mini-zh");
    expect(e.source).toBe("library");
  });

  it("may not take a bundled scenario's id", () => {
    const e = ownEntry({ file: "copy.json", text: mini }, new Set(["mini"]));
    expect(e.ok).toBe(false);
    expect(!e.ok && e.problems).toEqual([expect.objectContaining({ path: "$.meta.id" })]);
  });

  it("lists every problem of a broken file with its path, never throws", () => {
    const broken = JSON.parse(mini);
    broken.meta.id = "mine";
    broken.nodes.hello.options[0].next = "nowhere";
    broken.cast.buyer.department = "marketing";
    const e = ownEntry({ file: "broken.json", text: JSON.stringify(broken) }, new Set());
    expect(e.ok).toBe(false);
    const paths = !e.ok ? e.problems.map((p) => p.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["$.cast.buyer.department", "$.nodes.hello.options[0].next"]));
    expect(ownEntry({ file: "x.json", text: "{ not json" }, new Set()).ok).toBe(false);
  });

  it("names a linked file by the last part of its URL", () => {
    expect(fileNameOf("https://example.org/courses/defence%20v2.json?x=1")).toBe("defence v2.json");
    expect(fileNameOf("https://example.org/")).toBe("scenario.json");
    expect(fileNameOf("not a url")).toBe("scenario.json");
  });
});

describe("the local library", () => {
  it("keeps files across reads, newest first, one per scenario id", () => {
    const storage = memoryStorage();
    expect(addToLibrary(storage, { id: "a", file: "a.json", text: "{}" }, 1)).toBe(true);
    expect(addToLibrary(storage, { id: "b", file: "b.json", text: "{}" }, 2)).toBe(true);
    expect(addToLibrary(storage, { id: "a", file: "a-v2.json", text: "{ }" }, 3)).toBe(true);
    expect(readLibrary(storage).map((f) => f.file)).toEqual(["a-v2.json", "b.json"]);
    expect(removeFromLibrary(storage, "b")).toBe(true);
    expect(removeFromLibrary(storage, "b")).toBe(false);
    expect(readLibrary(storage).map((f) => f.id)).toEqual(["a"]);
  });

  it("drops damaged records and survives a damaged document", () => {
    const storage = memoryStorage();
    storage.setItem(LIBRARY_KEY, JSON.stringify({ version: 1, files: [{ id: "ok", file: "ok.json", text: "{}", addedAt: 1 }, { id: 5 }, null] }));
    expect(readLibrary(storage).map((f) => f.id)).toEqual(["ok"]);
    storage.setItem(LIBRARY_KEY, "{broken");
    expect(readLibrary(storage)).toEqual([]);
  });

  it("says so when the browser refuses to store a file", () => {
    const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(addToLibrary(full, { id: "a", file: "a.json", text: "{}" })).toBe(false);
  });
});
