/**
 * What a room does with each message: join, vote and the facilitator's controls, as
 * changes to a RoomRecord. Every function checks everything first and only then changes
 * the record, so a refused message (RoomRefusal) leaves the room exactly as it was.
 */
import type { Scenario } from "../src/engine/index.ts";
import { MAX_PARTICIPANTS, type CreateRoom, type HostAction, type PickedBy } from "../src/room/protocol.ts";
import { RoomRun } from "./roomRun.ts";
import {
  RECORD_VERSION,
  RoomRefusal,
  activeParticipants,
  distribution,
  eligibleVoters,
  majority,
  refreshTrack,
  startTrack,
  trackOf,
  type DecisionRecord,
  type OpenDecision,
  type Participant,
  type RoomRecord,
} from "./record.ts";

export function newRoom(input: CreateRoom, code: string, hostKey: string, seed: number, now: number): RoomRecord {
  const teams = input.mode === "room" ? input.teams : input.teams.length >= 2 ? input.teams : [];
  if (input.mode !== "room" && teams.length < 2) throw new RoomRefusal("bad-message", "team modes need at least two teams");
  return {
    v: RECORD_VERSION,
    code,
    hostKey,
    scenarioId: input.scenarioId,
    seed,
    mode: input.mode,
    timerSec: input.timerSec,
    showMoves: input.showMoves,
    teams,
    locale: input.locale,
    createdAt: now,
    touchedAt: now,
    rev: 0,
    phase: "lobby",
    paused: false,
    deadline: null,
    remainingMs: null,
    round: 0,
    turns: 0,
    showMap: false,
    participants: {},
    tracks: [],
    history: [],
  };
}

/** Puts a phone in the room, or back in it: the same client id gets the same place and votes. */
export function joinRoom(
  rec: RoomRecord,
  input: { clientKey: string; name: string; team: string | null; pid: string },
  now: number,
): { participant: Participant; rejoined: boolean } {
  const known = Object.values(rec.participants).find((p) => p.clientKey === input.clientKey);
  if (known?.kicked) throw new RoomRefusal("kicked");
  if (input.team !== null && !joinableTeams(rec).includes(input.team)) throw new RoomRefusal("bad-message", "no such team");
  if (known) {
    known.away = false;
    known.name = input.name;
    // A team is chosen once: changing it mid-deal would move votes between teams.
    if (known.team === null && rec.phase === "lobby") known.team = input.team ?? autoTeam(rec);
    return { participant: known, rejoined: true };
  }
  if (activeParticipants(rec).length >= MAX_PARTICIPANTS) throw new RoomRefusal("full");
  const participant: Participant = {
    pid: input.pid,
    clientKey: input.clientKey,
    name: input.name,
    team: input.team ?? autoTeam(rec),
    joinedAt: now,
    away: false,
    kicked: false,
  };
  rec.participants[participant.pid] = participant;
  return { participant, rejoined: false };
}

/** In the team modes a trainee who picks no team goes to the smallest one (of those playing, once started). */
function autoTeam(rec: RoomRecord): string | null {
  if (rec.mode === "room" || rec.teams.length === 0) return null;
  const size = (team: string) => activeParticipants(rec).filter((p) => p.team === team).length;
  return joinableTeams(rec).reduce((a, b) => (size(b) < size(a) ? b : a));
}

/** Teams that get a deal of their own when competing: those somebody joined (all, if nobody has yet). */
function playingTeams(rec: RoomRecord): string[] {
  const staffed = rec.teams.filter((team) => activeParticipants(rec).some((p) => p.team === team));
  return staffed.length ? staffed : rec.teams;
}

/** Once competing teams have their deals, a late joiner can only join one of them. */
function joinableTeams(rec: RoomRecord): string[] {
  if (rec.mode !== "compete" || rec.tracks.length === 0) return rec.teams;
  return rec.tracks.map((t) => t.team!).filter((t) => t !== null);
}

export function castVote(rec: RoomRecord, pid: string, round: number, option: string, now: number): number {
  const p = Object.hasOwn(rec.participants, pid) ? rec.participants[pid] : undefined;
  if (!p || p.kicked) throw new RoomRefusal("not-joined");
  if (rec.phase !== "voting" || round !== rec.round) throw new RoomRefusal("wrong-phase");
  if (rec.paused) throw new RoomRefusal("paused");
  const track = trackOf(rec, p);
  const decision = track === null ? null : rec.tracks[track]?.decision;
  if (track === null || !decision) throw new RoomRefusal("not-your-turn");
  if (!eligibleVoters(rec, track).includes(p)) throw new RoomRefusal("not-your-turn");
  if (!decision.options.some((o) => o.id === option)) throw new RoomRefusal("bad-message", "no such option");
  decision.votes[pid] = { option, at: now };
  return track;
}

/** Closes the vote if its timer ran out; true when it did. */
export function closeIfDue(rec: RoomRecord, now: number): boolean {
  if (rec.phase !== "voting" || rec.paused || rec.deadline === null || rec.deadline > now) return false;
  rec.phase = "closed";
  rec.deadline = null;
  return true;
}

/** Applies a facilitator action (the token has been checked by the caller). */
export function hostAct(rec: RoomRecord, action: HostAction, scenario: Scenario, now: number): void {
  switch (action.type) {
    case "start":
      if (rec.phase !== "lobby") throw new RoomRefusal("wrong-phase");
      rec.tracks = rec.mode === "compete" ? playingTeams(rec).map((team) => startTrack(scenario, rec.seed, team)) : [startTrack(scenario, rec.seed, null)];
      rec.phase = rec.tracks.some((t) => t.pending.length) ? "reading" : "debrief";
      return;
    case "open":
      if (rec.phase !== "reading") throw new RoomRefusal("wrong-phase");
      openDecision(rec, scenario, now);
      return;
    case "close":
      if (rec.phase !== "voting") throw new RoomRefusal("wrong-phase");
      rec.phase = "closed";
      rec.deadline = null;
      rec.remainingMs = null;
      rec.paused = false;
      return;
    case "reveal":
      if (rec.phase !== "voting" && rec.phase !== "closed") throw new RoomRefusal("wrong-phase");
      rec.phase = "revealed";
      rec.deadline = null;
      rec.remainingMs = null;
      rec.paused = false;
      return;
    case "play":
      playDecisions(rec, scenario, action.track, action.option);
      return;
    case "skip":
      if (rec.phase === "lobby" || rec.phase === "debrief") throw new RoomRefusal("wrong-phase");
      if (rec.phase === "reading") openDecision(rec, scenario, now);
      playAll(rec, scenario, (d) => ({ option: d.best[0]!, by: "skipped" }));
      return;
    case "pause":
      if (rec.paused || rec.phase === "debrief") throw new RoomRefusal("wrong-phase");
      rec.paused = true;
      if (rec.deadline !== null) rec.remainingMs = Math.max(0, rec.deadline - now);
      rec.deadline = null;
      return;
    case "resume":
      if (!rec.paused) throw new RoomRefusal("wrong-phase");
      rec.paused = false;
      if (rec.remainingMs !== null) rec.deadline = now + rec.remainingMs;
      rec.remainingMs = null;
      return;
    case "map":
      rec.showMap = action.show;
      return;
    case "kick": {
      const p = Object.hasOwn(rec.participants, action.pid) ? rec.participants[action.pid] : undefined;
      if (!p) throw new RoomRefusal("bad-message", "no such participant");
      p.kicked = true;
      for (const t of rec.tracks) if (t.decision) delete t.decision.votes[p.pid];
      return;
    }
    case "end":
      if (rec.phase === "lobby") throw new RoomRefusal("wrong-phase");
      finish(rec);
      return;
  }
}

function openDecision(rec: RoomRecord, scenario: Scenario, now: number): void {
  const pending = rec.tracks.map((t, i) => ({ t, i })).filter(({ t }) => t.pending.length > 0);
  if (!pending.length) throw new RoomRefusal("wrong-phase");
  const team = rec.mode === "turns" ? nextTurnTeam(rec) : null;
  const decisions = pending.map(({ t }) => {
    const run = RoomRun.restore(scenario, t.snapshot);
    const ranks = run.ranks();
    const top = Math.max(...Object.values(ranks));
    const best = run.options().filter((o) => ranks[o.id] === top).map((o) => o.id);
    const decision: OpenDecision = {
      options: run.options(),
      ranks,
      best,
      bestWhy: run.reasonFor(best[0]!),
      team,
      votes: {},
      prompt: t.lines.at(-1) ?? null,
    };
    return decision;
  });
  pending.forEach(({ t }, k) => (t.decision = decisions[k]!));
  rec.round++;
  if (rec.mode === "turns") rec.turns++;
  rec.phase = "voting";
  rec.paused = false;
  rec.remainingMs = null;
  rec.deadline = rec.timerSec > 0 ? now + rec.timerSec * 1000 : null;
}

/** The team whose turn it is: teams take turns in order, skipping teams nobody joined. */
function nextTurnTeam(rec: RoomRecord): string | null {
  const staffed = rec.teams.filter((team) => activeParticipants(rec).some((p) => p.team === team));
  const order = staffed.length ? staffed : rec.teams;
  return order.length ? order[rec.turns % order.length]! : null;
}

function playDecisions(rec: RoomRecord, scenario: Scenario, track: number | undefined, option: string | undefined): void {
  if (rec.phase !== "voting" && rec.phase !== "closed" && rec.phase !== "revealed") throw new RoomRefusal("wrong-phase");
  if (option !== undefined) {
    // The facilitator's pick, for one track (the only one unless teams compete).
    const i = track ?? 0;
    const d = rec.tracks[i]?.decision;
    if (!d || !d.options.some((o) => o.id === option)) throw new RoomRefusal("bad-message", "no such option");
    playAll(rec, scenario, (_d, k) => (k === i ? { option, by: "facilitator" } : null));
    return;
  }
  // The room's choice is played once everyone has seen the distribution.
  if (rec.phase !== "revealed") throw new RoomRefusal("wrong-phase");
  // Tracks nobody voted on wait for the facilitator's pick; the others play their majority.
  const picks = rec.tracks.map((t, k) => (t.decision && (track === undefined || track === k) ? majority(t.decision) : null));
  if (picks.every((p) => p === null)) throw new RoomRefusal("no-votes");
  playAll(rec, scenario, (_d, k) => (picks[k] ? { option: picks[k], by: "majority" } : null));
}

/** Plays the chosen option on each track that has one, records the decisions, and moves the room on. */
function playAll(rec: RoomRecord, scenario: Scenario, pick: (d: OpenDecision, track: number) => { option: string; by: PickedBy } | null): void {
  // Work on copies first: a failing runner must not leave half the room played.
  const results = rec.tracks.map((t, k) => {
    const d = t.decision;
    const chosen = d ? pick(d, k) : null;
    if (!d || !chosen) return null;
    const run = RoomRun.restore(scenario, t.snapshot);
    const chosenWhy = run.play(chosen.option);
    const lines = run.readOn();
    const votes: Record<string, string> = {};
    for (const [pid, v] of Object.entries(d.votes)) votes[pid] = v.option;
    const dist = distribution(d);
    const record: DecisionRecord = {
      round: rec.round,
      track: k,
      team: d.team ?? t.team,
      meeting: t.meeting,
      prompt: d.prompt,
      options: d.options.map((o) => ({ ...o, rank: d.ranks[o.id] ?? 0, votes: dist[o.id] ?? 0 })),
      chosen: chosen.option,
      by: chosen.by,
      best: d.best,
      bestWhy: d.bestWhy,
      chosenWhy,
      scoreAfter: run.score(),
      votes,
    };
    const text = d.options.find((o) => o.id === chosen.option)!.text;
    return { k, record, track: refreshTrack({ team: t.team, decision: null, lastPlayed: { text, by: chosen.by } }, run, lines) };
  });
  for (const r of results) {
    if (!r) continue;
    rec.tracks[r.k] = r.track;
    rec.history.push(r.record);
  }
  if (rec.tracks.some((t) => t.decision)) return; // other teams still to play this round
  rec.deadline = null;
  rec.remainingMs = null;
  rec.paused = false;
  if (rec.tracks.some((t) => t.pending.length)) rec.phase = "reading";
  else finish(rec);
}

function finish(rec: RoomRecord): void {
  rec.phase = "debrief";
  rec.deadline = null;
  rec.remainingMs = null;
  rec.paused = false;
  for (const t of rec.tracks) t.decision = null;
}
