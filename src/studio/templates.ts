/**
 * Where a new scenario starts: a minimal one (one meeting, two options, two endings) or a
 * copy of a bundled scenario, renamed so it never shadows the original in the game.
 */
// URLs, fetched on demand: no dynamic import, so the page needs no loader chunk shared with the game.
const bundled = import.meta.glob<string>(["../../scenarios/*.json", "!../../scenarios/scenario.schema.json"], { query: "?url", import: "default", eager: true });

export interface Template {
  id: string;
  /** The bundled file's id, or "minimal". */
  load(): Promise<string>;
  title?: string;
}

/** The smallest scenario that passes every check: a meeting with one good and one bad answer. */
export const MINIMAL = {
  $schema: "./scenario.schema.json",
  format: "dealcraft-scenario",
  formatVersion: 2,
  meta: {
    id: "my-scenario",
    version: "0.1.0",
    title: { "zh-CN": "我的场景", en: "My scenario" },
    summary: { "zh-CN": "一次拜访。", en: "One visit." },
    client: { "zh-CN": "示例公司", en: "Example Co." },
    estimatedMinutes: 3,
    difficulty: 1,
    locales: ["zh-CN", "en"],
  },
  cast: {
    buyer: {
      name: { "zh-CN": "王经理", en: "Manager Wang" },
      title: { "zh-CN": "采购经理", en: "Procurement Manager" },
      department: "procurement",
      decisionRole: "gatekeeper",
      needs: {
        downtime: {
          implied: { "zh-CN": "设备经常停机。", en: "The machines often stop." },
          explicit: { "zh-CN": "我们需要减少停机时间。", en: "We need less downtime." },
        },
      },
    },
  },
  stages: [{ id: "visit", pipeline: "awareness" }],
  start: "hello",
  meetings: { first: { title: { "zh-CN": "第一次拜访", en: "First visit" } } },
  nodes: {
    hello: {
      meeting: "first",
      lines: [{ speaker: "buyer", text: { "zh-CN": "您好，有什么事？", en: "Hello, what brings you here?" } }],
      options: [
        {
          id: "ask",
          text: { "zh-CN": "现在的设备用起来有什么难处吗？", en: "What troubles you with the current machines?" },
          move: { kind: "spin", type: "problem", need: "downtime" },
          to: "buyer",
          next: "good",
        },
        { id: "push", text: { "zh-CN": "今天就签合同吧！", en: "Let's sign today!" }, move: { kind: "close", style: "push" }, to: "buyer", next: "bad" },
      ],
    },
    good: { meeting: "first", lines: [{ speaker: "buyer", text: { "zh-CN": "停机是个大问题……", en: "Downtime is a big problem…" } }], ending: "next-step" },
    bad: { meeting: "first", lines: [{ speaker: "buyer", text: { "zh-CN": "我还有会。", en: "I have another meeting." } }], ending: "stalled" },
  },
  endings: {
    "next-step": { outcome: "won", title: { "zh-CN": "约到下一次会面", en: "A second meeting" }, summary: { "zh-CN": "客户愿意继续谈。", en: "The client wants to talk again." } },
    stalled: { outcome: "stalled", title: { "zh-CN": "停滞", en: "Stalled" }, summary: { "zh-CN": "客户没有兴趣。", en: "The client lost interest." } },
  },
};

/** Templates in menu order: minimal first, then each bundled scenario by file name. */
export function templates(): Template[] {
  const list: Template[] = [{ id: "minimal", load: async () => JSON.stringify(MINIMAL, null, 2) + "\n" }];
  for (const [path, url] of Object.entries(bundled).sort(([a], [b]) => a.localeCompare(b))) {
    const id = path.split("/").pop()!.replace(/\.json$/, "");
    list.push({ id, load: async () => copyOf(await (await fetch(url)).text()) });
  }
  return list;
}

/** A bundled scenario with its own id and title, so the copy and the original can both be played. */
export function copyOf(text: string): string {
  const doc = JSON.parse(text) as { meta: { id: string; title: Record<string, string> } };
  doc.meta.id = `${doc.meta.id}-copy`.slice(0, 64);
  for (const [l, t] of Object.entries(doc.meta.title)) doc.meta.title[l] = l === "zh-CN" ? `${t}（副本）` : `${t} (copy)`;
  return JSON.stringify(doc, null, 2) + "\n";
}
