/** The facilitator's first screen: scenario, how the room decides, teams, timer. */
import { MAX_TEAM, MAX_TEAMS, ROOM_MODES, TIMER_CHOICES, type RoomMode } from "../protocol.ts";
import { h } from "../dom.ts";
import { letter, rt, text } from "../i18n.ts";
import type { HostContext } from "./main.ts";

/** The form as filled in so far: a redraw (a language switch) keeps it. */
const draft = {
  scenarioId: "",
  mode: "room" as RoomMode,
  timerSec: 30,
  teamCount: 2,
  teamNames: [] as string[],
  showMoves: true,
};

export function renderSetup(ctx: HostContext, previous: { code: string } | null, connected: boolean): HTMLElement {
  const L = ctx.locale;
  const scenarios = ctx.info?.scenarios ?? [];
  if (!draft.scenarioId && scenarios[0]) draft.scenarioId = scenarios[0].id;
  const defaultTeam = (i: number) => rt(L, "setup.team-default", { letter: letter(i) });
  const teamNames = Array.from({ length: draft.teamCount }, (_, i) => draft.teamNames[i] ?? "");
  const rerender = () => ctx.redraw();

  const scenarioList = scenarios.length
    ? h(
        "div",
        { class: "choices", role: "radiogroup" },
        ...scenarios.map((s) =>
          h(
            "label",
            { class: `choice${draft.scenarioId === s.id ? " picked" : ""}` },
            h("input", { type: "radio", name: "scenario", value: s.id, checked: draft.scenarioId === s.id, onchange: () => ((draft.scenarioId = s.id), rerender()) }),
            h("strong", {}, text(L, s.title)),
            h("span", { class: "meta" }, rt(L, "setup.minutes", { n: s.minutes })),
            h("span", { class: "about" }, text(L, s.summary)),
          ),
        ),
      )
    : h("p", {}, rt(L, "setup.loading"));

  const modes = h(
    "div",
    { class: "choices modes", role: "radiogroup" },
    ...ROOM_MODES.map((m) =>
      h(
        "label",
        { class: `choice${draft.mode === m ? " picked" : ""}` },
        h("input", { type: "radio", name: "mode", value: m, checked: draft.mode === m, onchange: () => ((draft.mode = m), rerender()) }),
        h("strong", {}, rt(L, `mode.${m}`)),
        h("span", { class: "about" }, rt(L, `mode.${m}.about`)),
      ),
    ),
  );

  const teams =
    draft.mode === "room"
      ? null
      : h(
          "fieldset",
          { class: "teams" },
          h("legend", {}, rt(L, "setup.teams")),
          h(
            "label",
            {},
            rt(L, "setup.team-count"),
            " ",
            h(
              "select",
              { name: "team-count", onchange: (e: Event) => ((draft.teamCount = Number((e.target as HTMLSelectElement).value)), rerender()) },
              ...Array.from({ length: MAX_TEAMS - 1 }, (_, i) => i + 2).map((n) => h("option", { value: n, selected: n === draft.teamCount }, n)),
            ),
          ),
          h(
            "div",
            { class: "team-names" },
            ...teamNames.map((name, i) =>
              h("input", {
                name: `team-${i}`,
                maxlength: MAX_TEAM,
                placeholder: defaultTeam(i),
                value: name,
                "aria-label": defaultTeam(i),
                oninput: (e: Event) => (draft.teamNames[i] = (e.target as HTMLInputElement).value),
              }),
            ),
          ),
        );

  const timer = h(
    "label",
    {},
    rt(L, "setup.timer"),
    " ",
    h(
      "select",
      { name: "timer", onchange: (e: Event) => (draft.timerSec = Number((e.target as HTMLSelectElement).value)) },
      ...TIMER_CHOICES.map((n) => h("option", { value: n, selected: n === draft.timerSec }, n ? rt(L, "setup.timer.seconds", { n }) : rt(L, "setup.timer.none"))),
    ),
  );
  const showMoves = h(
    "label",
    { class: "check" },
    h("input", { type: "checkbox", name: "show-moves", checked: draft.showMoves, onchange: (e: Event) => (draft.showMoves = (e.target as HTMLInputElement).checked) }),
    " ",
    rt(L, "setup.show-moves"),
  );

  const submit = (e: Event) => {
    e.preventDefault();
    const names = teamNames.map((n, i) => n.trim() || defaultTeam(i));
    void ctx.create({
      scenarioId: draft.scenarioId,
      mode: draft.mode,
      timerSec: draft.timerSec,
      teams: draft.mode === "room" ? [] : names,
      showMoves: draft.showMoves,
      locale: L,
    });
  };

  return h(
    "main",
    { class: "setup" },
    h("h1", {}, rt(L, "setup.heading")),
    previous ? h("p", {}, h("button", { type: "button", class: "secondary", onclick: () => ctx.resume() }, rt(L, "setup.resume", { code: previous.code }))) : null,
    h(
      "form",
      { onsubmit: submit },
      h("h2", {}, rt(L, "setup.scenario")),
      scenarioList,
      h("h2", {}, rt(L, "setup.mode")),
      modes,
      teams,
      h("div", { class: "row" }, timer, showMoves),
      h("button", { type: "submit", class: "primary big", disabled: !connected || !draft.scenarioId }, rt(L, "setup.create")),
    ),
  );
}
