/**
 * Draws the team view from what was read: the files and their problems, one row per
 * learner (attempts by mode, best assessment, time spent, the trend), the decisions'
 * heat map (options by course rank, the share of votes in each, the best move starred)
 * and the session participants. Plain DOM; every text from a file goes in as text.
 */
import type { Locale } from "../engine/vocabulary.ts";
import type { MoveTag } from "../engine/schema.ts";
import { localize, moveLabel } from "../content/i18n.ts";
import { h } from "../room/dom.ts";
import { tt } from "./i18n.ts";
import { heatMap, learners, voters, type HeatRow, type SourcedAttempt } from "./model.ts";
import { seriesKey, trendSvg } from "./charts.ts";
import type { TeamFile } from "./read.ts";

const fit = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join("") + "…" : s);
const pct = (x: number) => Math.round(x * 100);

export function filesSection(L: Locale, files: readonly TeamFile[]): HTMLElement {
  const problems = files.flatMap((f) =>
    f.kind === "bad" ? f.problems.map((p) => tt(L, "files.bad", { file: f.name, problem: p })) : f.kind === "history" ? f.problems.map((p) => tt(L, "files.row-problem", { file: f.name, problem: p })) : [],
  );
  const loaded = files.flatMap((f) =>
    f.kind === "history"
      ? [tt(L, "files.csv", { file: f.name, n: f.attempts.length })]
      : f.kind === "session"
        ? [tt(L, "files.session", { file: f.name, code: f.session.code, scenario: localize(f.session.scenario.title, L) || f.session.scenario.id, n: f.session.decisions.length })]
        : [],
  );
  return h(
    "section",
    { id: "files" },
    loaded.length ? h("h2", {}, tt(L, "files.loaded")) : h("p", { class: "dim" }, tt(L, "files.none")),
    loaded.length ? h("ul", {}, ...loaded.map((l) => h("li", {}, l))) : null,
    problems.length ? h("h2", { class: "bad" }, tt(L, "files.problems")) : null,
    problems.length ? h("ul", { id: "problems", role: "alert" }, ...problems.map((p) => h("li", { class: "bad" }, p))) : null,
  );
}

export function learnersSection(L: Locale, attempts: readonly SourcedAttempt[]): HTMLElement {
  const list = learners(attempts);
  const day = new Intl.DateTimeFormat(L, { month: "numeric", day: "numeric" });
  const date = new Intl.DateTimeFormat(L, { dateStyle: "medium" });
  const mode = (m: "practice" | "assessment") => tt(L, `mode.${m}`);
  if (!list.length) return h("section", { id: "learners" }, h("h2", {}, tt(L, "learners.heading")), h("p", { class: "dim" }, tt(L, "learners.none")));
  return h(
    "section",
    { id: "learners" },
    h("h2", {}, tt(L, "learners.heading")),
    seriesKey(mode),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, ...(["learners.name", "learners.attempts", "learners.best", "learners.time", "learners.trend", "learners.last"] as const).map((k) => h("th", { scope: "col" }, tt(L, k))))),
        h(
          "tbody",
          {},
          ...list.map((l) => {
            const points = l.attempts.map((a) => ({ at: a.at, mode: a.mode, total: a.total }));
            const label = tt(L, "learners.trend-label", { name: l.name, practice: l.totals.practice.map((p) => p.total).join(" → ") || "—", assessment: l.totals.assessment.map((p) => p.total).join(" → ") || "—" });
            return h(
              "tr",
              { "data-learner": l.name },
              h("th", { scope: "row" }, l.name),
              // data-label: on a phone each row is a card and each cell says what it is.
              h("td", { "data-label": tt(L, "learners.attempts") }, `${l.totals.practice.length} / ${l.totals.assessment.length}`),
              h("td", { "data-label": tt(L, "learners.best") }, l.bestAssessment === null ? tt(L, "learners.none-yet") : String(l.bestAssessment)),
              h("td", { "data-label": tt(L, "learners.time") }, l.seconds ? tt(L, "learners.minutes", { m: Math.max(1, Math.round(l.seconds / 60)) }) : tt(L, "learners.none-yet")),
              h("td", { "data-label": tt(L, "learners.trend") }, trendSvg(points, label, (iso) => day.format(new Date(iso)))),
              h("td", { "data-label": tt(L, "learners.last") }, date.format(new Date(l.attempts.at(-1)!.at))),
            );
          }),
        ),
      ),
    ),
  );
}

function moveName(L: Locale, cellMove: { kind: string } & Record<string, unknown>): string {
  try {
    const name = moveLabel(cellMove as unknown as MoveTag, L);
    return name && !name.includes("undefined") ? name : cellMove.kind;
  } catch {
    return cellMove.kind;
  }
}

function heatRow(L: Locale, row: HeatRow, moves: Map<string, { kind: string } & Record<string, unknown>>): HTMLElement {
  const where = [localize(row.meeting ?? undefined, L), localize(row.prompt ?? undefined, L)].filter(Boolean).join(" — ");
  return h(
    "div",
    { class: "heat-row", "data-best-share": pct(row.bestShare) },
    h("div", { class: "heat-head" }, h("strong", {}, tt(L, "heat.decision", { round: row.round })), " ", h("span", { class: "dim" }, fit(where, 140)), h("div", { class: "dim small" }, tt(L, "heat.votes", { n: row.votes, sessions: row.sessions, best: pct(row.bestShare) }))),
    h(
      "div",
      { class: "heat-cells" },
      ...row.cells.map((c) => {
        const cell = h(
          "div",
          { class: `heat-cell${c.best ? " best" : ""}`, "data-option": c.option, title: localize(c.text, L) },
          h("div", { class: "share" }, tt(L, "heat.cell", { share: pct(c.share), votes: c.votes })),
          c.best ? h("div", { class: "best-mark" }, tt(L, "heat.best")) : null,
          h("div", { class: "small" }, moveName(L, moves.get(`${row.scenarioId}|${c.option}`) ?? { kind: c.moveKind })),
          h("div", { class: "small option-text" }, fit(localize(c.text, L), 70)),
          c.played ? h("div", { class: "small dim" }, tt(L, "heat.played", { n: c.played })) : null,
        );
        // The share as the cell's warmth (the number is written in it too: not colour alone).
        cell.style.setProperty("--heat", String(Math.round(c.share * 100) / 100));
        return cell;
      }),
    ),
  );
}

export function heatSection(L: Locale, files: readonly TeamFile[]): HTMLElement {
  const sessions = files.flatMap((f) => (f.kind === "session" ? [f.session] : []));
  const rows = heatMap(sessions);
  const moves = new Map<string, { kind: string } & Record<string, unknown>>();
  for (const s of sessions) for (const d of s.decisions) for (const o of d.options) moves.set(`${s.scenario.id}|${o.id}`, o.move);
  const people = voters(sessions);
  if (!rows.length) return h("section", { id: "heat" }, h("h2", {}, tt(L, "heat.heading")), h("p", { class: "dim" }, tt(L, "heat.none")));
  const byScenario = new Map<string, HeatRow[]>();
  for (const r of rows) byScenario.set(r.scenarioId, [...(byScenario.get(r.scenarioId) ?? []), r]);
  return h(
    "section",
    { id: "heat" },
    h("h2", {}, tt(L, "heat.heading")),
    h("p", { class: "dim" }, tt(L, "heat.key")),
    ...[...byScenario.values()].map((list) => h("div", { class: "heat-scenario" }, h("h3", {}, localize(list[0]!.scenarioTitle, L) || list[0]!.scenarioId), ...list.map((r) => heatRow(L, r, moves)))),
    h("h2", {}, tt(L, "voters.heading")),
    h(
      "table",
      { id: "voters" },
      h("thead", {}, h("tr", {}, ...(["voters.name", "voters.votes", "voters.best"] as const).map((k) => h("th", { scope: "col" }, tt(L, k))))),
      h("tbody", {}, ...people.map((p) => h("tr", {}, h("th", { scope: "row" }, p.name), h("td", {}, String(p.votes)), h("td", {}, `${p.votes ? pct(p.best / p.votes) : 0}%`)))),
    ),
  );
}
