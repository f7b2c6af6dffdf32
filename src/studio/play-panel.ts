/**
 * Play from here: the game in an iframe beside the editor, driven by the studio protocol.
 * After each edit that still plays, the game restarts and replays the choices made so far
 * (as Inky does); "Restart here" starts at the chosen node with the chosen state. The
 * live-state panel shows what the game reports after every step.
 */
import { parse } from "jsonc-parser";
import { parseGameMessage, STUDIO_PROTOCOL, type LiveState, type PlayRequest, type ReplayChoice } from "../content/studio-protocol.ts";
import type { StudioKey } from "./i18n.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { startAt, type StartState } from "./harness.ts";
import { COLLEAGUE_NAMES as COLLEAGUES, NEED_STATE_NAMES as NEED_STATES, TASK_NAMES as STAGE3_TASKS, TASK_STATUS_NAMES as TASK_STATUSES } from "./vocab.ts";

type T = (key: StudioKey, vars?: Record<string, string | number>) => string;
const $ = <E extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as E;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export interface PlayPanel {
  update(text: string, playable: boolean): void;
  show(): void;
  forget(): void;
  relabel(): void;
  playPath(decisions: ReplayChoice[]): void;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

export function createPlayPanel(opts: { t: T; locale: () => Locale }): PlayPanel {
  const { t } = opts;
  /** An engine word (a level, a need state, a task, a colleague) in the studio's language; an unknown one as it is. */
  const word = (group: "level" | "need" | "task" | "colleague" | "meter", value: string) => {
    const key = `live.${group}.${value}` as StudioKey;
    const w = t(key);
    return w === key ? value : w;
  };
  const frame = $<HTMLIFrameElement>("preview");
  let ready = false;
  let loaded = false;
  let text = "";
  let playable = false;
  /** Choices made in the preview so far, replayed after each edit. */
  let decisions: ReplayChoice[] = [];
  /** Where "Restart here" starts, if the author chose a node. */
  let from: StartState | null = null;
  let lastState: LiveState | null = null;
  let note = "";

  /** Set by a restart the author asked for: the next play hands the keyboard to the game. */
  let focusGame = false;
  const send = () => {
    if (!ready || !playable || !frame.contentWindow) {
      $("play-note").textContent = playable ? t("play.waiting") : t("play.blocked");
      return;
    }
    let doc: unknown = parse(text);
    if (from) doc = startAt(doc, from);
    const req: PlayRequest = { protocol: STUDIO_PROTOCOL, kind: "play", text: from ? JSON.stringify(doc) : text, seed: $<HTMLInputElement>("play-seed").value.slice(0, 64) || "studio", decisions };
    if (focusGame) {
      req.focus = true;
      focusGame = false;
      // The click left the focus on the studio's button: give it to the game, so the next key plays.
      frame.focus();
      frame.contentWindow.focus();
    }
    frame.contentWindow.postMessage(req, location.origin);
  };

  window.addEventListener("message", (ev) => {
    if (ev.origin !== location.origin || ev.source !== frame.contentWindow) return;
    const msg = parseGameMessage(ev.data);
    if (!msg) return;
    if (msg.kind === "ready") {
      ready = true;
      send();
    } else if (msg.kind === "problems") {
      $("play-note").textContent = `${t("play.blocked")} ${msg.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`;
    } else {
      lastState = msg.state;
      decisions = msg.state.decisions;
      note = msg.requested > 0 ? t("play.replayed", { replayed: msg.replayed, requested: msg.requested }) : "";
      $("play-note").textContent = note;
      renderState();
    }
  });

  function renderState(): void {
    const s = lastState;
    const host = $("live");
    if (!s) return host.replaceChildren(el("p", t("play.waiting"), "hint"));
    const parts: HTMLElement[] = [el("p", t("play.figures", { node: s.node, stage: s.stage, weeks: s.weeks, budget: s.budget, risk: +s.risk.toFixed(2), total: s.total }))];
    if (s.ending) parts.push(el("p", t("play.ending", { ending: s.ending })));
    parts.push(el("p", t("play.pairs", { pairs: s.pairs.map((c) => word("colleague", c)).join(", ") || t("play.none") })));
    parts.push(el("h4", t("play.people")));
    const table = el("table");
    for (const p of s.people) {
      const row = el("tr");
      const needs = Object.entries(p.needs).map(([n, v]) => `${n}: ${word("need", v)}`).join(", ");
      const meters = `${word("meter", "trust")} ${p.trust} · ${word("meter", "interest")} ${p.interest} · ${word("meter", "emotion")} ${p.emotion}`;
      for (const cell of [`${p.name} (${p.id})`, word("level", p.level), meters, needs]) row.append(el("td", cell));
      table.append(row);
    }
    parts.push(table);
    parts.push(el("h4", t("play.tasks")), el("p", Object.entries(s.tasks).map(([k, v]) => `${word("task", k)}: ${word("task", v)}`).join(" · ")));
    const vars = Object.entries(s.vars);
    if (vars.length) parts.push(el("h4", t("play.vars")), el("p", vars.map(([k, v]) => `${k} = ${String(v)}`).join(" · ")));
    host.replaceChildren(...parts);
  }

  /** The start-state form, built from the file: stage, variables, meters, needs, tasks. */
  function renderForm(): void {
    const doc = parse(text) as Obj | undefined;
    const nodes = isObj(doc?.nodes) ? Object.keys(doc.nodes) : [];
    const select = $<HTMLSelectElement>("play-node");
    const chosen = select.value || (typeof doc?.start === "string" ? doc.start : "");
    select.replaceChildren(...nodes.map((n) => Object.assign(el("option", n), { value: n })));
    if (nodes.includes(chosen)) select.value = chosen;
    const form = $("play-state-form");
    const fields: HTMLElement[] = [];
    const field = (label: string, input: HTMLElement) => {
      const l = el("label", `${label} `);
      l.append(input);
      fields.push(l);
    };
    const choice = (name: string, values: readonly string[], current: string, group?: "need" | "task") => {
      const s = el("select");
      s.name = name;
      s.append(...values.map((v) => Object.assign(el("option", v ? (group ? word(group, v) : v) : t("play.stage-keep")), { value: v })));
      s.value = current;
      return s;
    };
    const number = (name: string, value: unknown) => Object.assign(el("input"), { name, type: "number", value: String(value ?? "") });
    const stages = Array.isArray(doc?.stages) ? doc.stages.flatMap((s) => (isObj(s) && typeof s.id === "string" ? [s.id] : [])) : [];
    field(t("play.f-stage"), choice("stage", ["", ...stages], ""));
    for (const [name, v] of Object.entries(isObj(doc?.variables) ? doc.variables : {})) field(t("play.f-var", { name }), number(`var:${name}`, isObj(v) ? v.initial : ""));
    for (const [who, c] of Object.entries(isObj(doc?.cast) ? doc.cast : {})) {
      const m = isObj(c) && isObj(c.meters) ? c.meters : { trust: 1, interest: 2, emotion: 3 };
      for (const meter of ["trust", "interest", "emotion"]) field(`${who} ${word("meter", meter)}`, number(`meter:${who}:${meter}`, m[meter]));
      for (const need of Object.keys(isObj(c) && isObj(c.needs) ? c.needs : {})) field(`${who} ${need}`, choice(`need:${who}:${need}`, NEED_STATES, "hidden", "need"));
    }
    for (const task of STAGE3_TASKS) field(word("task", task), choice(`task:${task}`, TASK_STATUSES, "open", "task"));
    // Ticks: colleagues already in, notes already taken, facts already researched.
    const tick = (name: string, label: string) => {
      const box = Object.assign(el("input"), { type: "checkbox", name });
      const l = el("label");
      l.append(box, ` ${label}`);
      fields.push(l);
    };
    for (const c of COLLEAGUES) tick(`pair:${c}`, t("play.f-pair", { who: word("colleague", c) }));
    for (const note of Object.keys(isObj(doc?.notes) ? doc.notes : {})) tick(`note:${note}`, t("play.f-note", { id: note }));
    for (const fact of Object.keys(isObj(doc?.research) ? doc.research : {})) tick(`fact:${fact}`, t("play.f-fact", { id: fact }));
    form.replaceChildren(...fields);
  }

  function readForm(): StartState {
    const state: StartState = { node: $<HTMLSelectElement>("play-node").value, vars: {}, meters: {}, needs: {}, tasks: {}, pairs: [], notes: [], research: [] };
    const doc = parse(text) as Obj | undefined;
    const vars = isObj(doc?.variables) ? doc.variables : {};
    for (const input of $("play-state-form").querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")) {
      const [kind, a, b] = input.name.split(":") as [string, string, string | undefined];
      const v = input.value;
      if (input instanceof HTMLInputElement && input.type === "checkbox") {
        if (!input.checked) continue;
        if (kind === "pair") state.pairs!.push(a);
        else if (kind === "note") state.notes!.push(a);
        else if (kind === "fact") state.research!.push(a);
      } else if (kind === "stage" && v) state.stage = v;
      else if (kind === "var" && v !== "") {
        const initial = isObj(vars[a]) ? vars[a].initial : undefined;
        state.vars![a] = typeof initial === "number" ? Number(v) : typeof initial === "boolean" ? v === "true" : v;
      } else if (kind === "meter" && b) {
        const m = (state.meters![a] ??= { trust: 1, interest: 2, emotion: 3 });
        m[b as "trust"] = Math.max(0, Math.min(10, Number(v) || 0));
      } else if (kind === "need" && b) (state.needs![a] ??= {})[b] = v;
      else if (kind === "task") state.tasks![a] = v;
    }
    return state;
  }

  $("play-restart").addEventListener("click", () => {
    from = readForm();
    decisions = [];
    focusGame = true;
    send();
  });
  $("play-clear").addEventListener("click", () => {
    from = null;
    decisions = [];
    focusGame = true;
    send();
  });
  $("play-seed").addEventListener("change", () => send());

  return {
    update(next, ok) {
      text = next;
      playable = ok;
      renderForm();
      send();
    },
    show() {
      if (loaded) return;
      loaded = true; // the game loads only when the tab is first opened
      frame.src = `./index.html?studio=1&lang=${opts.locale()}`;
    },
    forget() {
      from = null;
      decisions = [];
    },
    relabel() {
      renderState();
    },
    playPath(path) {
      from = null;
      decisions = path;
      focusGame = true;
      send();
    },
  };
}
