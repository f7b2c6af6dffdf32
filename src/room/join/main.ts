/**
 * The trainee's phone page: join a room by code (or the QR code's link) with a name and
 * an optional team, then follow the deal and vote. A stable client id in local storage
 * puts a reloaded or woken phone back in its place with its vote.
 */
import "../room.css";
import type { Locale } from "../../engine/vocabulary.ts";
import type { LocalizedText } from "../../engine/schema.ts";
import { MAX_NAME, MAX_TEAM, ROOM_CODE_LENGTH, type RoomMode, type RoomView, type TrackView, type YouView } from "../protocol.ts";
import { RoomConnection } from "../connection.ts";
import { fill, h } from "../dom.ts";
import { initialLocale, letter, otherLocale, refusalText, rt, safeStorage, saveLocale, text } from "../i18n.ts";
import { accountBlock, countdown, linesBlock, optionLabel, topBar, voteBars } from "../pieces.ts";
import { renderTraineeDebrief } from "./result.ts";

const CLIENT_KEY = "dealcraft.room.client";
const SEAT_KEY = "dealcraft.room.seat";

interface Seat {
  code: string;
  name: string;
  team: string | null;
}

/** A random id that survives reloads; getRandomValues works on plain http (a LAN address), randomUUID does not. */
function clientId(): string {
  const store = safeStorage();
  const saved = store?.getItem(CLIENT_KEY);
  if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  store?.setItem(CLIENT_KEY, id);
  return id;
}

function savedSeat(): Seat | null {
  try {
    const s = JSON.parse(safeStorage()?.getItem(SEAT_KEY) ?? "null") as Partial<Seat> | null;
    if (s && typeof s.code === "string" && typeof s.name === "string") return { code: s.code, name: s.name, team: typeof s.team === "string" ? s.team : null };
  } catch {
    // A damaged record just means joining again.
  }
  return null;
}

const state = {
  locale: initialLocale() as Locale,
  seat: savedSeat(),
  view: null as RoomView | null,
  you: null as YouView | null,
  connected: false,
  kicked: false,
  error: "",
  peek: null as { code: string; mode: RoomMode; teams: string[]; title: LocalizedText } | null,
  pendingVote: null as string | null,
  /** What the join form holds, so a redraw while typing keeps it. */
  draft: { code: "", name: savedSeat()?.name ?? "", team: "" },
};
state.draft.code = new URLSearchParams(location.search).get("room")?.toUpperCase().slice(0, ROOM_CODE_LENGTH) ?? "";

const root = document.getElementById("app")!;
const id = clientId();
const conn = new RoomConnection({
  connected() {
    state.connected = true;
    if (state.seat && !state.kicked) void join(state.seat);
    else render();
  },
  disconnected() {
    state.connected = false;
    render();
  },
  view(v) {
    if (state.you && v.round !== state.you.round) state.you = { ...state.you, vote: null, round: v.round };
    state.view = v;
    render();
  },
  tally(t) {
    if (!state.view || t.round !== state.view.round) return;
    state.view.tracks.forEach((tr, i) => (tr.votes = t.votes[i] ?? tr.votes));
    render();
  },
  kicked() {
    state.kicked = true;
    forgetSeat();
    render();
  },
});

async function join(seat: Seat): Promise<void> {
  const ack = await conn.request<{ you: YouView; view: RoomView }>("join", { code: seat.code, clientId: id, name: seat.name, team: seat.team });
  if (!ack.ok) {
    state.error = refusalText(state.locale, ack.error);
    if (ack.error === "kicked") state.kicked = true;
    if (ack.error === "no-room" || ack.error === "kicked") forgetSeat();
    render();
    return;
  }
  state.error = "";
  state.seat = { ...seat, team: ack.you.team };
  safeStorage()?.setItem(SEAT_KEY, JSON.stringify(state.seat));
  state.you = ack.you;
  conn.acceptView(ack.view);
}

function forgetSeat(): void {
  state.seat = null;
  state.view = null;
  state.you = null;
  safeStorage()?.removeItem(SEAT_KEY);
}

async function vote(option: string): Promise<void> {
  if (!state.view) return;
  state.pendingVote = option;
  render();
  const ack = await conn.request<{ you: YouView }>("vote", { round: state.view.round, option });
  state.pendingVote = null;
  if (ack.ok) {
    state.you = ack.you;
    state.error = "";
  } else state.error = refusalText(state.locale, ack.error);
  render();
}

function myTrack(v: RoomView): TrackView | undefined {
  return v.mode === "compete" ? v.tracks.find((t) => t.team === state.you?.team) : v.tracks[0];
}

function render(): void {
  const L = state.locale;
  const header = topBar(L, () => switchLocale());
  const banner = !state.connected && !state.kicked ? h("p", { class: "banner", role: "status" }, rt(L, "app.reconnecting")) : null;
  const error = state.error ? h("p", { class: "error", role: "alert" }, state.error) : null;
  let body: HTMLElement;
  if (state.kicked) body = h("main", { class: "card" }, h("p", { class: "big" }, rt(L, "join.kicked")));
  else if (!state.seat || !state.view || !state.you) body = joinForm(L);
  else body = roomScreen(L, state.view, state.you);
  fill(root, header, banner, error, body);
}

function joinForm(L: Locale): HTMLElement {
  const code = h("input", {
    id: "code",
    name: "code",
    required: true,
    autocomplete: "off",
    autocapitalize: "characters",
    inputmode: "text",
    maxlength: ROOM_CODE_LENGTH,
    value: state.draft.code,
    class: "code-input",
  });
  const name = h("input", { id: "name", name: "name", required: true, maxlength: MAX_NAME, autocomplete: "nickname", value: state.draft.name });
  name.addEventListener("input", () => (state.draft.name = name.value));
  const teams = state.peek?.teams ?? [];
  const team = h(
    "select",
    { id: "team", name: "team" },
    h("option", { value: "" }, rt(L, "join.team-auto")),
    ...teams.map((t) => h("option", { value: t, selected: state.draft.team === t }, t.slice(0, MAX_TEAM))),
  );
  team.addEventListener("change", () => (state.draft.team = team.value));
  const peek = async () => {
    const c = code.value.trim().toUpperCase();
    if (c.length !== ROOM_CODE_LENGTH || state.peek?.code === c) return;
    const ack = await conn.request<{ mode: RoomMode; teams: string[]; title: LocalizedText }>("room:peek", { code: c });
    state.error = ack.ok ? "" : refusalText(L, ack.error);
    state.peek = ack.ok ? { code: c, mode: ack.mode, teams: ack.teams, title: ack.title } : null;
    render();
    if (ack.ok) document.getElementById("name")?.focus();
  };
  code.addEventListener("input", () => {
    state.draft.code = code.value;
    void peek();
  });
  if (code.value.length === ROOM_CODE_LENGTH && !state.peek) queueMicrotask(() => void peek());
  const form = h(
    "form",
    {
      class: "card join-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const seat = { code: code.value.trim().toUpperCase(), name: name.value, team: team.value || null };
        void join(seat);
      },
    },
    h("h1", {}, rt(L, "join.heading")),
    state.peek ? h("p", { class: "scenario" }, text(L, state.peek.title)) : null,
    h("label", { for: "code" }, rt(L, "join.code")),
    code,
    h("label", { for: "name" }, rt(L, "join.name")),
    name,
    teams.length ? h("label", { for: "team" }, rt(L, "join.team")) : null,
    teams.length ? team : null,
    h("button", { type: "submit", class: "primary", disabled: !state.connected }, rt(L, "join.submit")),
  );
  return h("main", {}, form);
}

function roomScreen(L: Locale, v: RoomView, you: YouView): HTMLElement {
  const who = h(
    "p",
    { class: "who" },
    rt(L, "join.welcome", { name: you.name }),
    you.team ? ` · ${rt(L, "join.your-team", { team: you.team })}` : "",
    " · ",
    h("span", { class: "code" }, v.code),
  );
  const leave = h("button", { type: "button", class: "link", onclick: () => (forgetSeat(), render()) }, rt(L, "join.leave"));
  if (v.phase === "debrief") return h("main", {}, who, renderTraineeDebrief(L, v, you));
  const track = myTrack(v);
  const parts: Array<HTMLElement | null> = [who];
  if (v.paused) parts.push(h("p", { class: "banner paused" }, rt(L, "live.paused")));
  if (v.phase === "lobby" || !track) {
    parts.push(h("section", { class: "card" }, h("p", { class: "big" }, rt(L, "join.wait-start")), h("p", {}, text(L, v.scenario.title))));
    return h("main", {}, ...parts, leave);
  }
  if (track.meeting) parts.push(h("p", { class: "meeting" }, text(L, track.meeting)));
  if (track.ended && !track.options) {
    parts.push(h("section", { class: "card" }, h("p", { class: "big" }, text(L, track.ended.title)), h("p", {}, rt(L, "join.waiting-team"))));
    return h("main", {}, ...parts);
  }
  parts.push(linesBlock(L, track.lines, v.phase === "reading" ? 4 : 1));
  const mine = state.pendingVote ?? you.vote;
  const mayVote = v.mode !== "turns" || v.turnTeam === null || v.turnTeam === you.team;
  const options = track.options;
  if (v.phase === "reading") {
    if (track.lastPlayed) parts.push(h("p", { class: "played" }, rt(L, "live.played", { option: text(L, track.lastPlayed.text) })));
    parts.push(h("p", { class: "hint" }, rt(L, "join.wait-vote")));
  } else if (v.phase === "voting" && options) {
    parts.push(countdown(L, conn.remaining(v), v.timerSec));
    if (!mayVote) parts.push(h("p", { class: "hint" }, rt(L, "join.not-your-turn", { team: v.turnTeam ?? "" })));
    else parts.push(h("h2", { class: "vote-now" }, rt(L, "join.vote-now")));
    parts.push(
      h(
        "ol",
        { class: "options" },
        ...options.map((o, i) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: `option${mine === o.id ? " mine" : ""}`,
                "aria-pressed": mine === o.id ? "true" : "false",
                disabled: !mayVote || v.paused,
                onclick: () => void vote(o.id),
              },
              optionLabel(L, o, i, v.showMoves),
            ),
          ),
        ),
      ),
    );
    const idx = options.findIndex((o) => o.id === mine);
    if (idx >= 0) parts.push(h("p", { class: "your-vote", role: "status" }, rt(L, "join.your-vote", { option: letter(idx) })));
    parts.push(h("p", { class: "tally" }, rt(L, "live.votes", { n: track.votes, of: track.eligible })));
  } else if (v.phase === "closed") {
    parts.push(h("p", { class: "big" }, rt(L, "join.closed")), h("p", { class: "tally" }, rt(L, "live.votes", { n: track.votes, of: track.eligible })));
  } else if (v.phase === "revealed" && options && track.distribution) {
    const i = options.findIndex((o) => o.id === track.leading);
    if (i >= 0) parts.push(h("p", { class: "big" }, rt(L, "join.room-chose", { option: letter(i) })));
    const m = options.findIndex((o) => o.id === you.vote);
    parts.push(h("p", {}, m >= 0 ? rt(L, "join.you-voted", { option: letter(m) }) : rt(L, "join.you-missed")));
    parts.push(voteBars(L, options, track.distribution, { chosen: track.leading, mine: you.vote, showMoves: v.showMoves }));
  }
  // The facilitator put the account map up: the phones show it too, under the decision.
  if (v.showMap && track.account) parts.push(accountBlock(L, track.account));
  return h("main", { class: `phase-${v.phase}` }, ...parts, leave);
}

function switchLocale(): void {
  state.locale = otherLocale(state.locale);
  saveLocale(state.locale);
  render();
}

// The countdown moves by itself; everything else redraws when the server says something.
setInterval(() => {
  if (state.view?.phase === "voting" && state.view.deadline !== null) {
    const el = document.querySelector(".countdown");
    const next = countdown(state.locale, conn.remaining(state.view), state.view.timerSec);
    if (el && next) el.replaceWith(next);
  }
}, 250);

render();
