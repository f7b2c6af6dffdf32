/**
 * What each page is sent, built from the stored room: the facilitator's view (people and
 * who has voted), the public view every phone gets, a trainee's own place, the light
 * tally sent while votes arrive, and the session debrief.
 */
import type { LeaderRow, RoomView, SessionDebrief, TallyUpdate, TeamRow, TrackView, YouView } from "../src/room/protocol.ts";
import type { LocalizedText } from "../src/engine/index.ts";
import { activeParticipants, distribution, eligibleVoters, majority, trackOf, type RoomRecord } from "./record.ts";

export function roomView(rec: RoomRecord, scenarioTitle: LocalizedText, forHost: boolean, now: number): RoomView {
  const people = activeParticipants(rec);
  const revealed = rec.phase === "revealed";
  const tracks: TrackView[] = rec.tracks.map((t, i) => {
    const d = t.decision;
    return {
      index: i,
      team: t.team,
      meeting: t.meeting,
      stage: t.stage,
      lines: t.lines,
      options: d ? d.options : null,
      votes: d ? Object.keys(d.votes).length : 0,
      eligible: d ? eligibleVoters(rec, i).length : 0,
      distribution: d && revealed ? distribution(d) : null,
      leading: d && revealed ? majority(d) : null,
      lastPlayed: t.lastPlayed,
      ended: t.ended,
      score: t.score,
      account: rec.showMap || rec.phase === "debrief" ? t.account : null,
    };
  });
  const view: RoomView = {
    code: rec.code,
    rev: rec.rev,
    scenario: { id: rec.scenarioId, title: scenarioTitle },
    mode: rec.mode,
    timerSec: rec.timerSec,
    showMoves: rec.showMoves,
    teams: rec.teams,
    phase: rec.phase,
    paused: rec.paused,
    deadline: rec.deadline,
    remainingMs: rec.remainingMs,
    serverNow: now,
    round: rec.round,
    turnTeam: rec.mode === "turns" ? (rec.tracks[0]?.decision?.team ?? null) : null,
    showMap: rec.showMap,
    tracks,
    people: { total: people.length, online: people.filter((p) => !p.away).length },
    debrief: rec.phase === "debrief" ? debriefOf(rec) : null,
  };
  if (forHost) {
    view.participants = people.map((p) => {
      const track = trackOf(rec, p);
      const d = track === null ? null : rec.tracks[track]?.decision;
      return { pid: p.pid, name: p.name, team: p.team, away: p.away, voted: !!d && Object.hasOwn(d.votes, p.pid) };
    });
  }
  return view;
}

export function youView(rec: RoomRecord, pid: string): YouView | null {
  const p = Object.hasOwn(rec.participants, pid) ? rec.participants[pid] : undefined;
  if (!p) return null;
  const track = trackOf(rec, p);
  const d = track === null ? null : rec.tracks[track]?.decision;
  const vote = d && Object.hasOwn(d.votes, pid) ? d.votes[pid]!.option : null;
  return { pid, name: p.name, team: p.team, vote, round: rec.round };
}

export function tallyOf(rec: RoomRecord, forHost: boolean): TallyUpdate {
  const tally: TallyUpdate = { rev: rec.rev, round: rec.round, votes: rec.tracks.map((t) => (t.decision ? Object.keys(t.decision.votes).length : 0)) };
  if (forHost) tally.voted = rec.tracks.flatMap((t) => (t.decision ? Object.keys(t.decision.votes) : []));
  return tally;
}

/** Per decision the distribution against the best move; team scores; the leaderboard. */
export function debriefOf(rec: RoomRecord): SessionDebrief {
  const counted = rec.history.filter((d) => d.by !== "skipped");
  const rows = new Map<string, LeaderRow & { rankSum: number }>();
  for (const p of activeParticipants(rec)) rows.set(p.pid, { pid: p.pid, name: p.name, team: p.team, votes: 0, best: 0, meanRank: 0, rankSum: 0 });
  for (const d of counted) {
    for (const [pid, option] of Object.entries(d.votes)) {
      const row = rows.get(pid);
      if (!row) continue;
      row.votes++;
      row.rankSum += d.options.find((o) => o.id === option)?.rank ?? 0;
      if (d.best.includes(option)) row.best++;
    }
  }
  const leaderboard = [...rows.values()]
    .map(({ rankSum, ...row }) => ({ ...row, meanRank: row.votes ? Math.round(rankSum / row.votes) : 0 }))
    .sort((a, b) => b.best - a.best || b.meanRank - a.meanRank || a.name.localeCompare(b.name));
  const teams: TeamRow[] = rec.teams.map((team) => {
    const members = leaderboard.filter((r) => r.team === team);
    const track = rec.tracks.find((t) => t.team === team);
    if (rec.mode === "compete") return { team, score: track?.score ?? 0, members: members.length, ending: track?.ended?.title ?? null };
    // Otherwise: how well the team's own choices followed the course (their turns, or their members' votes).
    const own = rec.mode === "turns" ? counted.filter((d) => d.team === team).map((d) => d.options.find((o) => o.id === d.chosen)?.rank ?? 0) : [];
    const ranks = rec.mode === "turns" ? own : members.filter((m) => m.votes).map((m) => m.meanRank);
    return { team, score: ranks.length ? Math.round(ranks.reduce((a, b) => a + b, 0) / ranks.length) : 0, members: members.length, ending: null };
  });
  teams.sort((a, b) => b.score - a.score);
  const decisions = rec.history.map(({ votes: _votes, ...d }) => d);
  return { decisions, teams, leaderboard };
}
