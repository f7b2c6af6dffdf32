/** The facilitator's lobby and live screens: code and QR code, the deal on the projector, the controls. */
import type { Locale } from "../../engine/vocabulary.ts";
import type { ParticipantView, RoomView, TrackView } from "../protocol.ts";
import { h } from "../dom.ts";
import { letter, rt, stageName, text } from "../i18n.ts";
import { accountBlock, countdown, linesBlock, optionLabel, voteBars } from "../pieces.ts";
import type { HostContext } from "./main.ts";

export function renderLive(ctx: HostContext, v: RoomView): HTMLElement {
  return v.phase === "lobby" ? lobby(ctx, v) : live(ctx, v);
}

function joinPanel(ctx: HostContext, v: RoomView, big: boolean): HTMLElement {
  const L = ctx.locale;
  const joinUrl = ctx.info?.joinUrl ?? `${location.origin}/join.html`;
  return h(
    "section",
    { class: `join-panel${big ? " big" : ""}` },
    h("img", { class: "qr", src: `./api/qr.svg?room=${v.code}`, alt: rt(L, "lobby.scan"), width: big ? 280 : 120, height: big ? 280 : 120 }),
    h(
      "div",
      {},
      h("p", { class: "label" }, rt(L, "lobby.code")),
      h("p", { class: "room-code" }, v.code),
      h("p", { class: "label" }, rt(L, "lobby.join-at")),
      h("p", { class: "join-url" }, joinUrl),
    ),
  );
}

function lobby(ctx: HostContext, v: RoomView): HTMLElement {
  const L = ctx.locale;
  const people = v.participants ?? [];
  return h(
    "main",
    { class: "lobby" },
    h("h1", {}, text(L, v.scenario.title)),
    h("p", { class: "meta" }, rt(L, `mode.${v.mode}`), v.timerSec ? ` · ${rt(L, "setup.timer.seconds", { n: v.timerSec })}` : ""),
    joinPanel(ctx, v, true),
    h("h2", {}, rt(L, "lobby.waiting", { n: people.length })),
    peopleList(ctx, v, people),
    h("div", { class: "controls" }, h("button", { type: "button", class: "primary big", onclick: () => void ctx.act({ type: "start" }) }, rt(L, "lobby.start"))),
  );
}

function peopleList(ctx: HostContext, v: RoomView, people: ParticipantView[]): HTMLElement {
  const L = ctx.locale;
  const groups = v.teams.length ? v.teams.map((team) => ({ team, members: people.filter((p) => p.team === team) })) : [{ team: null, members: people }];
  return h(
    "div",
    { class: "people-groups" },
    ...groups.map((g) =>
      h(
        "section",
        { class: "group" },
        g.team ? h("h3", {}, `${g.team} (${g.members.length})`) : null,
        h(
          "ul",
          { class: "chips" },
          ...g.members.map((p) =>
            h(
              "li",
              { class: `chip${p.away ? " away" : ""}${ctx.voted.has(p.pid) ? " voted" : ""}` },
              h("span", { class: "name" }, p.name),
              p.away ? h("span", { class: "state" }, ` · ${rt(L, "live.away")}`) : null,
              ctx.voted.has(p.pid) ? h("span", { class: "state" }, ` ✓ ${rt(L, "live.voted")}`) : null,
              h(
                "button",
                {
                  type: "button",
                  class: "kick",
                  "aria-label": `${rt(L, "live.kick")} ${p.name}`,
                  title: rt(L, "live.kick"),
                  onclick: () => {
                    if (confirm(rt(L, "live.kick-confirm", { name: p.name }))) void ctx.act({ type: "kick", pid: p.pid });
                  },
                },
                "×",
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function live(ctx: HostContext, v: RoomView): HTMLElement {
  const L = ctx.locale;
  const track0 = v.tracks[0];
  const top = h(
    "div",
    { class: "status" },
    h("span", { class: "scenario" }, text(L, v.scenario.title)),
    v.round ? h("span", {}, rt(L, "live.round", { n: v.round })) : null,
    v.mode !== "compete" && track0 ? h("span", {}, stageName(L, track0.stage)) : null,
    v.turnTeam && v.phase !== "reading" ? h("span", { class: "turn" }, rt(L, "live.deciding", { team: v.turnTeam })) : null,
    v.paused ? h("span", { class: "paused" }, rt(L, "live.paused")) : null,
  );
  const timer = v.phase === "voting" ? countdown(L, ctx.remaining(), v.timerSec) : null;
  const tracks = h("div", { class: `tracks n${v.tracks.length}` }, ...v.tracks.map((t) => trackPanel(ctx, v, t)));
  const map = v.showMap ? h("div", { class: "maps" }, ...v.tracks.filter((t) => t.account).map((t) => h("div", {}, t.team ? h("h3", {}, t.team) : null, accountBlock(L, t.account!)))) : null;
  return h(
    "main",
    { class: `live phase-${v.phase}` },
    top,
    timer,
    h("div", { class: "stage-area" }, h("div", { class: "projected" }, map, tracks), h("aside", { class: "side" }, joinPanel(ctx, v, false), h("h2", {}, rt(L, "live.people", { n: v.participants?.length ?? 0 })), peopleList(ctx, v, v.participants ?? []))),
    controls(ctx, v),
  );
}

function trackPanel(ctx: HostContext, v: RoomView, t: TrackView): HTMLElement {
  const L = ctx.locale;
  const parts: Array<HTMLElement | null> = [];
  if (t.team) parts.push(h("h2", { class: "team" }, t.team, " · ", rt(L, "live.score", { n: t.score })));
  if (t.meeting) parts.push(h("p", { class: "meeting" }, text(L, t.meeting)));
  if (t.lastPlayed && v.phase === "reading") {
    parts.push(h("p", { class: "played" }, rt(L, "live.played", { option: text(L, t.lastPlayed.text) }), ` (${rt(L, `live.by.${t.lastPlayed.by}`)})`));
  }
  parts.push(linesBlock(L, t.lines, v.phase === "reading" ? 5 : 2));
  if (t.ended && !t.options) {
    parts.push(h("p", { class: "big" }, rt(L, "live.team-ended", { ending: text(L, t.ended.title) })));
    return h("section", { class: "track" }, ...parts);
  }
  if (v.phase === "reading") parts.push(h("p", { class: "hint" }, rt(L, "live.reading")));
  if (t.options && t.distribution) {
    parts.push(voteBars(L, t.options, t.distribution, { chosen: t.leading, showMoves: v.showMoves }));
    parts.push(h("p", { class: "hint small" }, rt(L, "live.tie-note")));
  } else if (t.options) {
    parts.push(h("ol", { class: "options projected-options" }, ...t.options.map((o, i) => h("li", { class: "option" }, optionLabel(L, o, i, v.showMoves)))));
  }
  if (t.options) {
    parts.push(h("p", { class: "tally big" }, rt(L, "live.votes", { n: t.votes, of: t.eligible })));
    // The facilitator may play any option instead of the majority.
    parts.push(
      h(
        "div",
        { class: "picks" },
        ...t.options.map((o, i) =>
          h("button", { type: "button", class: "secondary small", onclick: () => void ctx.act({ type: "play", track: t.index, option: o.id }) }, `${rt(L, "live.play-this")} ${letter(i)}`),
        ),
      ),
    );
  }
  return h("section", { class: "track" }, ...parts);
}

function controls(ctx: HostContext, v: RoomView): HTMLElement {
  const L = ctx.locale;
  const act = (type: "open" | "close" | "reveal" | "play" | "skip" | "pause" | "resume" | "end") => () => void ctx.act({ type });
  const primary: Record<string, [string, () => void] | null> = {
    reading: [rt(L, "live.open"), act("open")],
    voting: [rt(L, "live.close"), act("close")],
    closed: [rt(L, "live.reveal"), act("reveal")],
    revealed: [rt(L, "live.play-majority"), act("play")],
  };
  const main = primary[v.phase];
  return h(
    "div",
    { class: "controls" },
    main ? h("button", { type: "button", class: "primary big", "data-action": "primary", onclick: main[1] }, main[0]) : null,
    v.phase === "voting" ? h("button", { type: "button", class: "secondary", onclick: act("reveal") }, rt(L, "live.reveal")) : null,
    h("button", { type: "button", class: "secondary", onclick: act("skip") }, rt(L, "live.skip")),
    h("button", { type: "button", class: "secondary", onclick: act(v.paused ? "resume" : "pause") }, rt(L, v.paused ? "live.resume" : "live.pause")),
    h("button", { type: "button", class: "secondary", onclick: () => void ctx.act({ type: "map", show: !v.showMap }) }, rt(L, v.showMap ? "live.map-hide" : "live.map-show")),
    h(
      "button",
      {
        type: "button",
        class: "danger",
        onclick: () => {
          if (confirm(rt(L, "live.end-confirm"))) void ctx.act({ type: "end" });
        },
      },
      rt(L, "live.end"),
    ),
  );
}

export type { Locale };
