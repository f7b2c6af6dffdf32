/**
 * The balance tab: runs the simulator in a worker and shows, per built-in policy, the
 * distribution of total scores and competencies (SVG charts) and the endings reached; a
 * traced single run; why an ending was not reached; and a path of choices to it.
 */
import { parse } from "jsonc-parser";
import type { StudioKey } from "./i18n.ts";
import type { BalanceRequest } from "./balance.worker.ts";
import type { BalanceReport, MissReason, PathStep, TraceEvent, TraceStep } from "./balance-core.ts";
import type { Locale } from "../engine/vocabulary.ts";
import type { ReplayChoice } from "../content/studio-protocol.ts";
import { competencyChart, POLICY_COLORS, totalsChart } from "./charts.ts";
import { COMPETENCY_NAMES as COMPETENCIES } from "./vocab.ts";

type T = (key: StudioKey, vars?: Record<string, string | number>) => string;
const $ = <E extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as E;
type Request = BalanceRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export interface BalancePanel {
  update(text: string, playable: boolean): void;
  relabel(): void;
}

const POLICY_NAMES = ["random", "spin-disciplined", "feature-dumper", "situation-spammer", "pushy-closer"];

export function createBalancePanel(opts: { t: T; locale: () => Locale; onVisited(nodes: string[]): void; onPlayPath(decisions: ReplayChoice[]): void }): BalancePanel {
  const { t } = opts;
  const competency = (c: string) => {
    const key = `comp.${c}` as StudioKey;
    return t(key) === key ? c : t(key);
  };
  const eventText = (e: TraceEvent): string => {
    switch (e.kind) {
      case "score":
        return `${e.points > 0 ? "+" : ""}${e.points} ${competency(e.competency)}${e.principle ? ` (${e.principle})` : ""}`;
      case "stage":
        return t("bal.ev-stage", { to: e.to });
      case "gate":
        return t("bal.ev-gate", { stage: e.stage });
      case "stuck":
        return t("bal.ev-stuck", { reason: e.reason });
    }
  };
  let worker: Worker | null = null;
  let asked = 0;
  const pending = new Map<number, (v: { result?: unknown; error?: string }) => void>();
  let text = "";
  let playable = false;
  let report: BalanceReport | null = null;

  const ask = (req: Request): Promise<{ result?: unknown; error?: string }> => {
    worker ??= new Worker(new URL("./balance.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (ev: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      pending.get(ev.data.id)?.(ev.data);
      pending.delete(ev.data.id);
    };
    const id = ++asked;
    worker.postMessage({ ...req, id });
    return new Promise((resolve) => pending.set(id, resolve));
  };
  const status = (s: string) => ($("bal-status").textContent = s);

  function renderReport(): void {
    const host = $("bal-charts");
    if (!report) return host.replaceChildren();
    const series = report.policies.map((p) => ({ name: p.policy, values: p.totals }));
    const table = el("table");
    const endings = [...new Set(report.policies.flatMap((p) => Object.keys(p.endings)))].sort();
    const head = el("tr");
    head.append(el("th", t("bal.policy")), ...endings.map((e) => el("th", e === "(unfinished)" ? t("bal.unfinished") : e)));
    table.append(head);
    report.policies.forEach((p, i) => {
      const row = el("tr");
      const name = el("td", p.policy);
      name.style.color = POLICY_COLORS[i % POLICY_COLORS.length]!;
      name.title = p.describe;
      row.append(name, ...endings.map((e) => el("td", `${Math.round(((p.endings[e] ?? 0) / p.runs) * 100)}%`)));
      table.append(row);
    });
    table.className = "endings-table";
    host.replaceChildren(
      totalsChart(series, t("bal.totals")),
      competencyChart(COMPETENCIES, report.policies.map((p) => ({ name: p.policy, values: p.competencies })), t("bal.comp"), competency),
      el("h4", t("bal.endings")),
      table,
    );
  }

  function fillSelects(): void {
    const doc = parse(text) as { endings?: Record<string, unknown> } | undefined;
    const endings = doc && typeof doc.endings === "object" && doc.endings ? Object.keys(doc.endings) : [];
    const sel = $<HTMLSelectElement>("bal-ending");
    const was = sel.value;
    sel.replaceChildren(...endings.map((e) => Object.assign(el("option", e), { value: e })));
    if (endings.includes(was)) sel.value = was;
    const pol = $<HTMLSelectElement>("bal-policy");
    if (!pol.options.length) pol.replaceChildren(...POLICY_NAMES.map((p) => Object.assign(el("option", p), { value: p })));
  }

  $("bal-run").addEventListener("click", async () => {
    if (!playable) return status(t("bal.blocked"));
    status(t("bal.running"));
    const runs = Number($<HTMLInputElement>("bal-runs").value) || 200;
    const res = await ask({ kind: "balance", text, runs });
    if (res.error) return status(res.error);
    report = res.result as BalanceReport;
    status(`${report.policies.length} × ${runs}`);
    renderReport();
    opts.onVisited(report.visited);
  });

  $("bal-trace").addEventListener("click", async () => {
    if (!playable) return status(t("bal.blocked"));
    const res = await ask({ kind: "trace", text, policy: $<HTMLSelectElement>("bal-policy").value, seed: $<HTMLInputElement>("bal-seed").value || "1" });
    if (res.error) return status(res.error);
    const trace = res.result as { steps: TraceStep[]; ending: string | null; total: number };
    const items = trace.steps.map((s, i) => {
      const words = s.text?.[opts.locale()] ?? s.text?.["zh-CN"] ?? s.text?.en;
      const li = el("li", `${s.node} → ${s.option}${words ? ` “${words}”` : ""} `);
      li.append(el("span", `${s.points >= 0 ? "+" : ""}${s.points}`, s.points < 0 ? "pts-neg" : "pts-pos"));
      if (s.events.length) li.append(el("div", s.events.map(eventText).join(" · "), "hint"));
      li.value = i + 1;
      return li;
    });
    items.push(el("li", t("bal.ending-total", { ending: trace.ending ?? t("bal.unfinished"), total: trace.total })));
    $("bal-trace-out").replaceChildren(...items);
  });

  $("bal-why").addEventListener("click", async () => {
    if (!playable) return status(t("bal.blocked"));
    const ending = $<HTMLSelectElement>("bal-ending").value;
    status(t("bal.running"));
    const res = await ask({ kind: "why", text, ending, runs: 60 });
    status("");
    if (res.error) return status(res.error);
    const why = res.result as { reached: number; total: number; reasons: MissReason[] };
    const out: HTMLElement[] = [el("p", t("bal.reached", { reached: why.reached, total: why.total }))];
    if (!why.reasons.length) out.push(el("p", t("bal.no-gateway")));
    for (const r of why.reasons.slice(0, 5)) {
      const p = el("p", t("bal.reason", { node: r.node, option: r.option, checks: r.checks, failed: r.failed, reached: r.reachedNode, offered: r.offered, chosen: r.chosen }));
      if (r.failedPart ?? r.condition) p.append(el("div", t("bal.part", { part: r.failedPart ?? r.condition! }), "hint"));
      out.push(p);
    }
    $("bal-why-out").replaceChildren(...out);
  });

  $("bal-path").addEventListener("click", async () => {
    if (!playable) return status(t("bal.blocked"));
    status(t("bal.running"));
    const res = await ask({ kind: "path", text, ending: $<HTMLSelectElement>("bal-ending").value });
    status("");
    if (res.error) return status(res.error);
    const path = (res.result as { path: PathStep[] | null }).path;
    if (!path) return $("bal-why-out").replaceChildren(el("p", t("bal.nopath")));
    const list = el("ol");
    list.append(...path.map((s) => el("li", `${s.node} → ${s.option}`)));
    const play = el("button", t("bal.playpath"));
    play.addEventListener("click", () => opts.onPlayPath(path));
    $("bal-why-out").replaceChildren(el("p", t("bal.pathfound", { n: path.length })), list, play);
  });

  return {
    update(next, ok) {
      text = next;
      playable = ok;
      fillSelects();
    },
    relabel() {
      renderReport();
    },
  };
}
