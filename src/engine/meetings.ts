/**
 * Meetings and listening (DOMAIN.md §5, 少说多听): a meeting counts the rep's and the
 * client's talk, holds the listening stance (posture, note-taking) and the notes heard
 * but not written down, some of which are forgotten when it ends (seeded).
 */
import { TALK_SHARE_GOOD, TALK_SHARE_TOO_MUCH } from "./vocabulary.ts";
import { temperamentOf } from "./temperament.ts";
import type { Option } from "./schema.ts";
import type { ListeningStance } from "./state.ts";
import { talkUnits } from "./moves/index.ts";
import type { RunCore } from "./core.ts";

/** Choices a meeting needs before its talk share is judged: with one, the player had no say in it. */
export const TALK_SHARE_MIN_TURNS = 2;

/** The rep's share of the talking in the meeting so far (0..1), or null outside a meeting. */
export function talkShareNow(core: Pick<RunCore, "account">): number | null {
  const m = core.account.meeting;
  if (!m) return null;
  const total = m.rep + m.client;
  return total ? m.rep / total : 0;
}

export function setListening(core: RunCore, stance: ListeningStance): void {
  const m = core.account.meeting;
  if (!m || (m.posture === stance.posture && m.notes === stance.notes)) return;
  m.posture = stance.posture;
  m.notes = stance.notes;
  core.log({ type: "listening", turn: core.s.turn, posture: stance.posture, notes: stance.notes });
}

/** Per-turn effects of how the rep listens, and the talk-share tally. */
export function listeningTurn(core: RunCore, option: Option): void {
  const m = core.account.meeting;
  if (!m) return;
  m.turns += 1;
  const units = talkUnits(option.move);
  m.rep += units.rep;
  // An open client, once asked, says more: the same questions leave the rep a smaller share.
  m.client += temperamentOf(core, option.to) === "open" && option.move.kind === "spin" ? units.client + 1 : units.client;
  if (m.posture === "engaged") {
    m.client += 1;
    if (!m.engagedCredited) {
      m.engagedCredited = true;
      core.award("listening", 3, "listen.engaged", option.to);
      if (option.to) core.meter(option.to, "emotion", 1);
    }
  } else if (m.posture === "distracted") {
    m.client = Math.max(0, m.client - 1);
    core.award("listening", -3, "listen.distracted", option.to);
    if (option.to) core.meter(option.to, "emotion", -1);
  }
}

/** Something notable was said: into the notebook if the rep is taking notes, else maybe forgotten later. */
export function hear(core: RunCore, note: string, saidByClient: boolean): void {
  const a = core.account;
  if (a.notebook.includes(note)) return;
  const m = a.meeting;
  if (m && !m.notes) {
    if (!m.unnoted.includes(note)) m.unnoted.push(note);
    return;
  }
  a.notebook.push(note);
  core.log({ type: "note", turn: core.s.turn, note });
  // Credit for listening only when the client said it: writing down one's own lines is no skill.
  if (m && saidByClient) core.award("listening", 2, "listen.notes");
}

export function startMeeting(core: RunCore, id: string): void {
  const a = core.account;
  a.meeting = { id, turns: 0, rep: 0, client: 0, situation: 0, posture: "neutral", notes: false, unnoted: [], summarisedAt: {}, engagedCredited: false };
  const weeks = core.scenario.meetings?.[id]?.weeks ?? 1;
  if (weeks) {
    a.weeks = Math.max(0, a.weeks - weeks);
    core.log({ type: "cost", turn: core.s.turn, weeks, budget: 0 });
  }
  core.log({ type: "meeting-start", turn: core.s.turn, meeting: id });
}

export function endMeeting(core: RunCore, cutShort = false): void {
  const a = core.account;
  const m = a.meeting;
  if (!m) return;
  a.meeting = null;
  const total = m.rep + m.client;
  const share = total > 0 ? Math.round((m.rep / total) * 100) / 100 : 0;
  // Where the client asked for a presentation, talking through it is what they asked for: the share is shown, not judged.
  const judged = core.scenario.meetings?.[m.id]?.format !== "presentation";
  if (total > 0 && m.turns >= TALK_SHARE_MIN_TURNS && judged) {
    a.talk[m.id] = share;
    if (share <= TALK_SHARE_GOOD) core.award("listening", 5, "listen.talk-less");
    else if (share > TALK_SHARE_TOO_MUCH) core.award("listening", -6, "listen.talk-too-much");
  } else if (total > 0) a.talk[m.id] = share;
  let forgot = false;
  for (const note of m.unnoted) {
    if (core.random() < 0.5) {
      a.forgotten.push(note);
      core.log({ type: "forgot", turn: core.s.turn, note });
      forgot = true;
    } else {
      a.notebook.push(note);
      core.log({ type: "note", turn: core.s.turn, note });
    }
  }
  if (forgot) core.award("listening", -3, "listen.forgot");
  const ev = { type: "meeting-end" as const, turn: core.s.turn, meeting: m.id, talkShare: share };
  core.log(cutShort ? { ...ev, cutShort } : ev);
}
