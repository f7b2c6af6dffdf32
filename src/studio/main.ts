/**
 * The studio page (studio.html, its own Vite entry): the editor with live problems on the
 * left; map, play-from-here, balance and translators' tables on the right. Analysis runs
 * in a worker after each pause in typing; every panel follows the latest text.
 */
import "./studio.css";
import { parse } from "jsonc-parser";
import { createEditor } from "./editor.ts";
import { st, type StudioKey } from "./i18n.ts";
import type { Locale } from "../engine/vocabulary.ts";
import type { Analysis } from "./analysis.ts";
import { buildGraph } from "./graph.ts";
import { problemText } from "./lint-words.ts";
import { drawMap } from "./map-view.ts";
import { indexText, spanOfKey } from "./json-paths.ts";
import { templates } from "./templates.ts";
import { CURRENT_KEY, deleteDraft, keepCurrent, listDrafts, saveDraft } from "./drafts.ts";
import { createPlayPanel } from "./play-panel.ts";
import { createBalancePanel } from "./balance-panel.ts";
import { createStringsPanel } from "./strings-panel.ts";
import { MAX_TEXT_BYTES as MAX_SCENARIO_BYTES } from "./vocab.ts";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const LOCALE_KEY = "dealcraft.studio.locale";
const isLocale = (v: unknown): v is Locale => v === "zh-CN" || v === "en";
let locale: Locale = isLocale(params.get("lang")) ? (params.get("lang") as Locale) : isLocale(localStorage.getItem(LOCALE_KEY)) ? (localStorage.getItem(LOCALE_KEY) as Locale) : "zh-CN";
const t = (key: StudioKey, vars?: Record<string, string | number>) => st(locale, key, vars);

function setStatus(text: string, tone: "" | "bad" | "good" = ""): void {
  const el = $("status");
  el.textContent = text;
  el.className = tone;
}

const list = templates();
const saved = localStorage.getItem(CURRENT_KEY);
const editor = createEditor($("editor"), saved ?? (await list[0]!.load()), (text) => {
  keepCurrent(localStorage, text);
  schedule();
});

// --- analysis: debounced, in a worker, newest result wins ---------------------------------
const worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
let asked = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let last: { text: string; analysis: Analysis } | null = null;
function schedule(delay = 300): void {
  clearTimeout(timer);
  setStatus(t("status.checking"));
  timer = setTimeout(() => worker.postMessage({ id: ++asked, text: editor.text() }), delay);
}
worker.onmessage = (ev: MessageEvent<{ id: number; analysis: Analysis }>) => {
  if (ev.data.id !== asked) return; // a newer edit is on its way
  const text = editor.text();
  last = { text, analysis: ev.data.analysis };
  showProblems(ev.data.analysis);
  renderProblems(ev.data.analysis);
  renderMap();
  play.update(text, ev.data.analysis.playable);
  balancePanel.update(text, ev.data.analysis.playable);
  strings.update(text);
};

/** The squiggles, with each problem worded in the studio's language. */
function showProblems(a: Analysis): void {
  editor.showProblems(a.problems.map((p) => ({ ...p, message: problemText(p, locale) })));
}

function renderProblems(a: Analysis): void {
  const items = a.problems.map((p) => {
    const li = document.createElement("li");
    li.className = `sev-${p.severity}`;
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = `${t(p.severity === "error" ? "problems.error" : p.severity === "acknowledged" ? "problems.acknowledged" : "problems.warning")} `;
    const path = document.createElement("span");
    path.className = "path";
    path.textContent = p.path;
    const at = document.createElement("span");
    at.className = "at";
    at.textContent = ` (${t("problems.at", { line: p.line, column: p.column })}) `;
    li.append(tag, path, at, document.createTextNode(problemText(p, locale)));
    if (p.acknowledged) {
      const why = document.createElement("div");
      why.className = "why";
      why.textContent = t("problems.why", { why: p.acknowledged[locale] ?? p.acknowledged["zh-CN"] ?? p.acknowledged.en ?? "" });
      li.append(why);
    }
    li.tabIndex = 0;
    const go = () => editor.jump(p.from, p.to);
    li.addEventListener("click", go);
    li.addEventListener("keydown", (ev) => ev.key === "Enter" && go());
    return li;
  });
  if (!items.length) {
    const li = document.createElement("li");
    li.textContent = t("problems.none");
    items.push(li);
  }
  $("problem-list").replaceChildren(...items);
  const counts = t("status.counts", { errors: a.errors, warnings: a.warnings }) + (a.acknowledged ? t("status.acknowledged", { n: a.acknowledged }) : "");
  $("problem-count").textContent = `(${counts})`;
  if (a.errors) setStatus(t("status.counts", { errors: a.errors, warnings: a.warnings }), "bad");
  else setStatus(`${t("status.ok")} ${a.warnings ? t("status.counts", { errors: 0, warnings: a.warnings }) : ""}`, "good");
}

// --- map ------------------------------------------------------------------------------------
let visited: Set<string> | undefined;
function renderMap(): void {
  const text = editor.text();
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return;
  }
  const graph = buildGraph(doc, locale);
  if (!graph.nodes.length) {
    $("map").textContent = t("map.empty");
    return;
  }
  const index = indexText(text);
  drawMap(
    $("map"),
    graph,
    {
      start: t("map.start"),
      broken: t("map.broken"),
      unreachable: t("map.unreachable"),
      unvisited: t("map.unvisited"),
      lost: t("map.lost"),
      stage: (id) => (Object.hasOwn(graph.stageTitles, id) ? t("map.stage-titled", { id, title: graph.stageTitles[id]! }) : t("map.stage", { id })),
      meeting: (id) => (Object.hasOwn(graph.meetingTitles, id) ? t("map.meeting-titled", { id, title: graph.meetingTitles[id]! }) : t("map.meeting", { id })),
    },
    (key) => {
      const span = key.startsWith("ending:") ? spanOfKey(index, ["endings", key.slice(7)]) : spanOfKey(index, ["nodes", key]);
      if (span) editor.jump(span.from, span.to);
      for (const el of $("map").querySelectorAll(".picked")) el.classList.remove("picked");
      $("map").querySelector(`[data-key="${CSS.escape(key)}"]`)?.classList.add("picked");
    },
    visited,
  );
}

// --- panels -------------------------------------------------------------------------------
const play = createPlayPanel({ t: (k, v) => t(k, v), locale: () => locale });
const balancePanel = createBalancePanel({
  t: (k, v) => t(k, v),
  locale: () => locale,
  onVisited: (nodes) => {
    visited = new Set(nodes);
    renderMap();
  },
  onPlayPath: (decisions) => {
    play.playPath(decisions);
    showTab("play");
  },
});
const strings = createStringsPanel({ t: (k, v) => t(k, v), editor, setStatus });

function showTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  for (const tab of ["map", "play", "balance", "strings"]) $(`tab-${tab}`).hidden = tab !== name;
  if (name === "play") play.show();
  if (name === "strings") strings.update(editor.text());
}
for (const b of document.querySelectorAll<HTMLButtonElement>("[data-tab]")) b.addEventListener("click", () => showTab(b.dataset.tab!));

// --- toolbar ------------------------------------------------------------------------------
function fillTemplates(): void {
  $("template").replaceChildren(
    ...list.map((tpl) => {
      const o = document.createElement("option");
      o.value = tpl.id;
      o.textContent = tpl.id === "minimal" ? t("tpl.minimal") : t("tpl.copy", { title: tpl.id });
      return o;
    }),
  );
}
function fillDrafts(): void {
  const names = Object.entries(listDrafts(localStorage)).sort((a, b) => b[1].savedAt - a[1].savedAt);
  $("drafts").replaceChildren(
    ...names.map(([name]) => {
      const o = document.createElement("option");
      o.value = name;
      o.textContent = name;
      return o;
    }),
  );
}
const currentId = () => {
  const meta = (parse(editor.text()) as { meta?: { id?: unknown } } | undefined)?.meta;
  return typeof meta?.id === "string" && meta.id ? meta.id : "scenario";
};
$("new").addEventListener("click", async () => {
  const tpl = list.find((x) => x.id === $<HTMLSelectElement>("template").value) ?? list[0]!;
  editor.setText(await tpl.load());
  play.forget();
});
$("open").addEventListener("click", () => $("open-file").click());
$<HTMLInputElement>("open-file").addEventListener("change", async (ev) => {
  const input = ev.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  if (file.size > MAX_SCENARIO_BYTES) return setStatus(t("status.too-big", { name: file.name }), "bad");
  editor.setText(await file.text());
  play.forget();
  setStatus(t("status.opened", { name: file.name }));
});
const save = () => {
  const name = currentId();
  if (saveDraft(localStorage, name, editor.text())) setStatus(t("status.saved", { name }), "good");
  else setStatus(t("status.save-failed"), "bad");
  fillDrafts();
};
$("save").addEventListener("click", save);
$("editor").addEventListener("studio-save", save);
$("load").addEventListener("click", () => {
  const draft = listDrafts(localStorage)[$<HTMLSelectElement>("drafts").value];
  if (draft) editor.setText(draft.text);
});
$("delete").addEventListener("click", () => {
  deleteDraft(localStorage, $<HTMLSelectElement>("drafts").value);
  fillDrafts();
});
$("download").addEventListener("click", () => {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([editor.text()], { type: "application/json" }));
  a.download = `${currentId()}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});
$("undo").addEventListener("click", () => editor.undo());
$("redo").addEventListener("click", () => editor.redo());
$("lang").addEventListener("click", () => {
  locale = locale === "zh-CN" ? "en" : "zh-CN";
  localStorage.setItem(LOCALE_KEY, locale);
  applyLocale();
});

function applyLocale(): void {
  document.documentElement.lang = locale;
  editor.setLocale(locale);
  document.title = t("app.title");
  for (const el of document.querySelectorAll<HTMLElement>("[data-t]")) el.textContent = t(el.dataset.t as StudioKey);
  fillTemplates();
  if (last) {
    renderProblems(last.analysis);
    showProblems(last.analysis);
  }
  renderMap();
  play.relabel();
  balancePanel.relabel();
  strings.update(editor.text());
}

applyLocale();
fillDrafts();
showTab("map");
schedule(0);
// For the e2e tests: read-only handles.
(window as unknown as { studio: unknown }).studio = { editor, analysis: () => last?.analysis };
