/** The end of a session on a phone: the trainee's own result, their place, and the decisions in short. */
import type { Locale } from "../../engine/vocabulary.ts";
import type { RoomView, YouView } from "../protocol.ts";
import { h } from "../dom.ts";
import { rt, text } from "../i18n.ts";
import { voteBars } from "../pieces.ts";

export function renderTraineeDebrief(L: Locale, v: RoomView, you: YouView): HTMLElement {
  const d = v.debrief!;
  const rank = d.leaderboard.findIndex((r) => r.pid === you.pid);
  const me = d.leaderboard[rank];
  const teamRank = you.team ? d.teams.findIndex((t) => t.team === you.team) : -1;
  const track = v.mode === "compete" ? v.tracks.find((t) => t.team === you.team) : v.tracks[0];
  const mine = v.mode === "compete" ? d.decisions.filter((x) => v.tracks[x.track]?.team === you.team) : d.decisions;
  return h(
    "section",
    { class: "result" },
    h("h1", {}, rt(L, "join.over")),
    track?.ended ? h("p", { class: "big" }, rt(L, "debrief.ending", { title: text(L, track.ended.title), score: track.score })) : null,
    me ? h("p", { class: "big" }, rt(L, "join.your-result", { best: me.best, votes: me.votes })) : null,
    rank >= 0 ? h("p", {}, rt(L, "join.your-place", { place: rank + 1, of: d.leaderboard.length })) : null,
    teamRank >= 0 ? h("p", {}, rt(L, "join.team-place", { place: teamRank + 1, of: d.teams.length })) : null,
    h("h2", {}, rt(L, "debrief.decisions")),
    ...mine.map((x) =>
      h(
        "article",
        { class: "decision" },
        h("h3", {}, rt(L, "live.round", { n: x.round }), x.meeting ? ` · ${text(L, x.meeting)}` : ""),
        voteBars(L, x.options, Object.fromEntries(x.options.map((o) => [o.id, o.votes])), { chosen: x.chosen, best: x.best, showMoves: true }),
        x.bestWhy ? h("p", { class: "why" }, rt(L, "debrief.why-best", { text: text(L, x.bestWhy.principle ?? x.bestWhy.explain) })) : null,
      ),
    ),
  );
}
