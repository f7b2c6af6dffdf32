/**
 * DOM pieces both room pages show: dialogue lines, vote bars, the account summary and a
 * countdown. Pure builders of elements from view data; no state.
 */
import type { Locale } from "../engine/vocabulary.ts";
import type { AccountView, LineView, OptionView } from "./protocol.ts";
import { h } from "./dom.ts";
import { letter, moveName, rt, speakerName, stageName, term, text } from "./i18n.ts";

/** Both pages' top bar: the product's name, an optional room code, the language switch; it also titles the page. */
export function topBar(locale: Locale, switchLocale: () => void, code?: string): HTMLElement {
  document.documentElement.lang = locale;
  document.title = rt(locale, "app.title");
  return h(
    "header",
    { class: "topbar" },
    h("span", { class: "brand" }, rt(locale, "app.title")),
    code ? h("span", { class: "code" }, code) : null,
    h("button", { class: "lang", type: "button", onclick: () => switchLocale() }, rt(locale, "app.language")),
  );
}

export function linesBlock(locale: Locale, lines: LineView[], last = 4): HTMLElement {
  return h(
    "div",
    { class: "lines" },
    ...lines.slice(-last).map((l) =>
      h("p", { class: `line line-${l.speaker}` }, h("span", { class: "speaker" }, speakerName(locale, l)), h("span", { class: "said" }, text(locale, l.text))),
    ),
  );
}

export function optionLabel(locale: Locale, o: OptionView, i: number, showMoves: boolean): HTMLElement {
  return h(
    "span",
    { class: "option-label" },
    h("span", { class: "letter", "aria-hidden": "true" }, letter(i)),
    h("span", { class: "option-text" }, text(locale, o.text), o.to ? h("span", { class: "to" }, ` → ${text(locale, o.to)}`) : null),
    showMoves ? h("span", { class: "move" }, moveName(locale, o.move)) : null,
  );
}

/** One bar per option: votes and share, the room's choice and the best move marked by text too (not colour alone). */
export function voteBars(
  locale: Locale,
  options: OptionView[],
  counts: Record<string, number>,
  marks: { chosen?: string | null; best?: string[]; mine?: string | null; showMoves: boolean },
): HTMLElement {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return h(
    "ol",
    { class: "bars" },
    ...options.map((o, i) => {
      const n = counts[o.id] ?? 0;
      const pct = total ? Math.round((100 * n) / total) : 0;
      const tags = [
        marks.chosen === o.id ? rt(locale, "live.room-choice") : null,
        marks.best?.includes(o.id) ? `★ ${rt(locale, "debrief.best")}` : null,
        marks.mine === o.id ? rt(locale, "join.you-voted", { option: letter(i) }) : null,
      ].filter((x): x is string => !!x);
      return h(
        "li",
        { class: `bar${marks.chosen === o.id ? " chosen" : ""}${marks.best?.includes(o.id) ? " best" : ""}` },
        optionLabel(locale, o, i, marks.showMoves),
        h("span", { class: "meter", style: `--share:${pct}%` }, h("span", { class: "fill" })),
        h("span", { class: "count-line" }, h("span", { class: "count" }, `${n} · ${pct}%`), tags.length ? h("span", { class: "tags" }, tags.join(" · ")) : null),
      );
    }),
  );
}

export function accountBlock(locale: Locale, a: AccountView): HTMLElement {
  const fig = (key: Parameters<typeof rt>[1], value: string | number) => h("div", { class: "figure" }, h("dt", {}, rt(locale, key)), h("dd", {}, value));
  return h(
    "section",
    { class: "account", "aria-label": rt(locale, "account.heading") },
    h("h2", {}, rt(locale, "account.heading")),
    h(
      "dl",
      { class: "figures" },
      fig("account.stage", stageName(locale, a.stage)),
      fig("account.weeks", a.weeks),
      fig("account.budget", a.budget),
      fig("account.risk", a.risk),
      fig("account.objections", a.objections),
      a.talkShare !== null ? fig("account.talk", `${Math.round(a.talkShare * 100)}%`) : null,
    ),
    h(
      "ul",
      { class: "people" },
      ...a.stakeholders.map((s) =>
        h(
          "li",
          { class: `person level-${s.level}` },
          h("strong", {}, text(locale, s.name)),
          h("span", { class: "level" }, term(locale, `level.${s.level}`)),
          h("span", { class: "title" }, text(locale, s.title)),
          h(
            "span",
            { class: "meters" },
            `${rt(locale, "account.trust")} ${s.trust} · ${rt(locale, "account.interest")} ${s.interest} · ${rt(locale, "account.emotion")} ${s.emotion}`,
          ),
        ),
      ),
    ),
    a.tasks
      ? h(
          "div",
          { class: "tasks" },
          h("h3", {}, rt(locale, "account.tasks")),
          h("ul", {}, ...Object.entries(a.tasks).map(([task, status]) => h("li", { class: `task-${status}` }, `${term(locale, `task.${status}`)} ${term(locale, `task.${task}`)}`))),
        )
      : null,
  );
}

export function countdown(locale: Locale, ms: number | null, totalSec: number): HTMLElement | null {
  if (ms === null) return null;
  const s = Math.ceil(ms / 1000);
  const share = totalSec ? Math.max(0, Math.min(100, (100 * ms) / (totalSec * 1000))) : 0;
  return h(
    "div",
    { class: `countdown${s <= 5 ? " urgent" : ""}`, role: "timer" },
    h("span", { class: "meter", style: `--share:${share}%` }, h("span", { class: "fill" })),
    h("span", { class: "seconds" }, rt(locale, "join.seconds", { n: s })),
  );
}
