/**
 * The session's record for the facilitator to keep: a CSV with one row per participant
 * per decision (for a spreadsheet) and a JSON record of everything (for an LMS or later
 * analysis). Cells that a spreadsheet would run as a formula are defused.
 */
import { stringify } from "csv-stringify/sync";
import type { LocalizedText } from "../src/engine/index.ts";
import { localize } from "../src/content/i18n.ts";
import { activeParticipants, type RoomRecord } from "./record.ts";
import { debriefOf } from "./views.ts";

export const SESSION_FORMAT = "dealcraft-session";
export const SESSION_VERSION = 1;

/** A name like `=HYPERLINK(...)` must stay text in Excel or LibreOffice. */
function cell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function sessionCsv(rec: RoomRecord): string {
  const text = (t: LocalizedText | null | undefined) => localize(t ?? undefined, rec.locale);
  const rows: Array<Array<string | number>> = [];
  for (const p of Object.values(rec.participants)) {
    for (const d of rec.history) {
      const votedOn = rec.mode !== "compete" || rec.tracks[d.track]?.team === p.team;
      if (!votedOn) continue;
      const option = Object.hasOwn(d.votes, p.pid) ? d.votes[p.pid]! : "";
      const voted = d.options.find((o) => o.id === option);
      const chosen = d.options.find((o) => o.id === d.chosen);
      rows.push([
        p.name,
        p.team ?? "",
        p.kicked ? "removed" : "",
        d.round,
        d.team ?? "",
        text(d.meeting),
        text(d.prompt?.text),
        option,
        voted ? text(voted.text) : "",
        voted ? voted.move.kind : "",
        voted ? voted.rank : "",
        voted ? (d.best.includes(option) ? "yes" : "no") : "",
        d.chosen,
        chosen ? text(chosen.text) : "",
        d.by,
        d.best.join(" "),
        d.scoreAfter,
      ]);
    }
  }
  const header = [
    "participant",
    "team",
    "status",
    "round",
    "deciding_team",
    "meeting",
    "prompt",
    "vote",
    "vote_text",
    "vote_move",
    "vote_rank",
    "vote_is_best",
    "room_choice",
    "room_choice_text",
    "picked_by",
    "best_options",
    "score_after",
  ];
  return "\ufeff" + stringify([header, ...rows.map((r) => r.map(cell))]);
}

export function sessionJson(rec: RoomRecord, scenarioTitle: LocalizedText): object {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    code: rec.code,
    scenario: { id: rec.scenarioId, title: scenarioTitle, seed: rec.seed },
    mode: rec.mode,
    timerSec: rec.timerSec,
    teams: rec.teams,
    createdAt: new Date(rec.createdAt).toISOString(),
    exportedAt: new Date().toISOString(),
    participants: Object.values(rec.participants).map((p) => ({ pid: p.pid, name: p.name, team: p.team, joinedAt: new Date(p.joinedAt).toISOString(), removed: p.kicked })),
    decisions: rec.history,
    debrief: debriefOf(rec),
    deals: rec.tracks.map((t) => ({ team: t.team, score: t.score, ending: t.ended, run: t.snapshot })),
    stillInRoom: activeParticipants(rec).length,
  };
}
