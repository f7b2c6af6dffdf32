/** The session debrief on the projector: endings, teams, leaderboard, each decision against the best move; exports. */
import type { DecisionView, RoomView } from "../protocol.ts";
import { h } from "../dom.ts";
import { letter, rt, text } from "../i18n.ts";
import { accountBlock, voteBars } from "../pieces.ts";
import type { HostContext } from "./main.ts";

export function renderHostDebrief(ctx: HostContext, v: RoomView): HTMLElement {
  const L = ctx.locale;
  const d = v.debrief!;
  const endings = v.tracks.map((t) =>
    h(
      "p",
      { class: "big ending" },
      t.team ? `${t.team}: ` : "",
      t.ended ? rt(L, "debrief.ending", { title: text(L, t.ended.title), score: t.score }) : rt(L, "live.score", { n: t.score }),
    ),
  );
  const teams = d.teams.length
    ? h(
        "section",
        {},
        h("h2", {}, rt(L, "debrief.teams")),
        h(
          "ol",
          { class: "board teams-board" },
          ...d.teams.map((t) =>
            h("li", {}, h("strong", {}, t.team), ` · ${rt(L, "debrief.team-score")} ${t.score} · ${rt(L, "debrief.members", { n: t.members })}`, t.ending ? ` · ${text(L, t.ending)}` : ""),
          ),
        ),
      )
    : null;
  const board = h(
    "section",
    {},
    h("h2", {}, rt(L, "debrief.leaderboard")),
    h(
      "ol",
      { class: "board" },
      ...d.leaderboard.map((r) =>
        h(
          "li",
          {},
          h("strong", {}, r.name),
          r.team ? ` (${r.team})` : "",
          ` · ${rt(L, "debrief.best-count", { best: r.best, votes: r.votes })} · ${rt(L, "debrief.mean-rank", { n: r.meanRank })}`,
        ),
      ),
    ),
  );
  const decisions = h(
    "section",
    {},
    h("h2", {}, rt(L, "debrief.decisions")),
    d.decisions.length ? null : h("p", {}, rt(L, "debrief.none")),
    ...d.decisions.map((x) => decisionCard(ctx, v, x)),
  );
  return h(
    "main",
    { class: "debrief" },
    h("h1", {}, rt(L, "debrief.heading"), " · ", text(L, v.scenario.title)),
    ...endings,
    d.decisions.length
      ? h("p", { class: "big" }, rt(L, "debrief.room-best", { best: d.decisions.filter((x) => x.best.includes(x.chosen)).length, of: d.decisions.length }))
      : null,
    h(
      "div",
      { class: "controls" },
      h("button", { type: "button", class: "primary", onclick: () => void ctx.exportFile("csv") }, rt(L, "debrief.export-csv")),
      h("button", { type: "button", class: "secondary", onclick: () => void ctx.exportFile("json") }, rt(L, "debrief.export-json")),
      h("button", { type: "button", class: "secondary", onclick: () => ctx.leave() }, rt(L, "debrief.new")),
    ),
    h("div", { class: "debrief-grid" }, teams, board),
    decisions,
    h("div", { class: "maps" }, ...v.tracks.filter((t) => t.account).map((t) => h("div", {}, t.team ? h("h3", {}, t.team) : null, accountBlock(L, t.account!)))),
  );
}

function decisionCard(ctx: HostContext, v: RoomView, x: DecisionView): HTMLElement {
  const L = ctx.locale;
  const counts = Object.fromEntries(x.options.map((o) => [o.id, o.votes]));
  const total = x.options.reduce((a, o) => a + o.votes, 0);
  const at = (id: string) => x.options.findIndex((o) => o.id === id);
  const chosen = x.options[at(x.chosen)];
  return h(
    "article",
    { class: "decision" },
    h("h3", {}, rt(L, "live.round", { n: x.round }), x.team ? ` · ${x.team}` : "", x.meeting ? ` · ${text(L, x.meeting)}` : ""),
    x.prompt ? h("p", { class: "prompt" }, text(L, x.prompt.text)) : null,
    total ? null : h("p", { class: "hint" }, rt(L, "debrief.no-votes")),
    voteBars(L, x.options, counts, { chosen: x.chosen, best: x.best, showMoves: true }),
    h(
      "p",
      {},
      h("strong", {}, `${rt(L, "debrief.best")}: `),
      x.best.map((b) => letter(at(b))).join(", "),
      x.bestWhy ? ` — ${text(L, x.bestWhy.principle ?? x.bestWhy.explain)}` : "",
    ),
    // The event's own explanation, when it says more than the principle's name.
    x.bestWhy?.principle && text(L, x.bestWhy.explain) !== text(L, x.bestWhy.principle) ? h("p", { class: "why" }, text(L, x.bestWhy.explain)) : null,
    chosen
      ? h(
          "p",
          {},
          h("strong", {}, `${rt(L, "debrief.chosen")}: `),
          `${letter(at(x.chosen))} (${rt(L, `live.by.${x.by}`)})`,
          x.chosenWhy ? ` — ${text(L, x.chosenWhy.explain)}` : "",
        )
      : null,
  );
}
