/**
 * Player policies for the simulator: a player who plays by the course, players with one
 * bad habit (alone with random play around it, or inside otherwise good play), and
 * players who never read the account. The ordering tests check the scorecard against them.
 */
import type { OfferedOption, Runner } from "./runner.ts";
import type { Effect } from "./schema.ts";
import type { Rng } from "./rng.ts";
import { overGiftCap } from "./moves/index.ts";
import { POSTURES } from "./vocabulary.ts";
import type { ListeningStance } from "./state.ts";
import { SURFACE_POLICIES } from "./surface-policies.ts";

/** A way of playing: picks an option, and how to listen in each meeting. */
export interface Policy {
  name: string;
  /** One line on what this player does, for the CLI's help. */
  describe: string;
  listening(runner: Runner, rng: Rng): ListeningStance;
  choose(runner: Runner, rng: Rng): string;
}

/** A bad habit: the moves it reaches for, and the listening it falls into (if any). */
export interface Habit {
  name: string;
  describe: string;
  /** Moves the habit picks whenever one is offered. */
  wants?: (o: OfferedOption, r: Runner) => boolean;
  /** Moves the habit never picks while anything else is offered. */
  avoids?: (o: OfferedOption, r: Runner) => boolean;
  listening?: ListeningStance;
}

function pickRandom<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

const ENGAGED: ListeningStance = { posture: "engaged", notes: true };

/** The options ranked best by the course now, ties broken at random. */
function bestRanked(r: Runner, options: readonly OfferedOption[], rng: Rng): string {
  let best: string[] = [];
  let top = -1;
  for (const o of options) {
    const score = r.rank(o.id);
    if (score > top) {
      top = score;
      best = [o.id];
    } else if (score === top) best.push(o.id);
  }
  return pickRandom(best, rng);
}

export const goodPlay: Policy = {
  name: "spin-disciplined",
  describe: "plays by the course: few situation questions, develops needs with I and N, pitches benefits to explicit needs; listens engaged, takes notes",
  listening: () => ENGAGED,
  choose: (r, rng) => bestRanked(r, r.options, rng),
};

export const randomPlay: Policy = {
  name: "random",
  describe: "any offered option, and any listening stance, with equal chance",
  listening: (_r, rng) => ({ posture: pickRandom(POSTURES, rng), notes: rng.next() < 0.5 }),
  choose: (r, rng) => pickRandom(r.options, rng).id,
};

/** The habit's choice among the offered options, or null when the habit has nothing to say here. */
function habitual(h: Habit, r: Runner): readonly OfferedOption[] | null {
  if (h.wants) {
    const hits = r.options.filter((o) => h.wants!(o, r));
    if (hits.length) return hits;
  }
  if (h.avoids) {
    const rest = r.options.filter((o) => !h.avoids!(o, r));
    if (rest.length && rest.length < r.options.length) return rest;
  }
  return null;
}

/** A bare habit with random play around it. */
export function habitWithRandom(h: Habit): Policy {
  return {
    name: h.name,
    describe: `${h.describe}; otherwise random`,
    listening: (r, rng) => h.listening ?? randomPlay.listening(r, rng),
    choose: (r, rng) => pickRandom(habitual(h, r) ?? r.options, rng).id,
  };
}

/** Otherwise good play with one habit in it: what the habit costs on its own competency. */
export function habitInGoodPlay(h: Habit): Policy {
  return {
    name: `good+${h.name}`,
    describe: `plays by the course, but ${h.describe}`,
    listening: () => h.listening ?? ENGAGED,
    choose: (r, rng) => {
      const pool = habitual(h, r);
      return pool ? (h.wants && pool.some((o) => h.wants!(o, r)) ? pickRandom(pool, rng).id : bestRanked(r, pool, rng)) : bestRanked(r, r.options, rng);
    },
  };
}

const isSpin = (o: OfferedOption, type: string) => o.move.kind === "spin" && o.move.type === type;
const DEFENCES = ["barrier", "in-depth", "strategic"];

/** Whether taking an offered option gives price away (a `concessions` figure effect anywhere in its effects). */
function concedes(o: OfferedOption, r: Runner): boolean {
  const option = r.scenario.nodes[r.state.node]?.options?.find((x) => x.id === o.id);
  return !!option?.effects && givesPriceAway(option.effects);
}

/** Whether effects (in any branch) concede price; remembered per effect list, as a policy asks at every choice. */
const conceding = new WeakMap<readonly Effect[], boolean>();
function givesPriceAway(effects: readonly Effect[]): boolean {
  let known = conceding.get(effects);
  if (known === undefined) {
    known = effects.some((e) =>
      "figure" in e && "by" in e ? e.figure === "concessions" && e.by > 0 : "if" in e ? givesPriceAway(e.then) || (!!e.else && givesPriceAway(e.else)) : "random" in e ? e.random.some((b) => givesPriceAway(b.effects)) : false,
    );
    conceding.set(effects, known);
  }
  return known;
}

/** The first stakeholder the run addressed (a single-threaded rep keeps talking to them alone). */
function firstAddressed(r: Runner): string | undefined {
  for (const e of r.state.log) if (e.type === "choice" && e.to !== undefined) return e.to;
  return undefined;
}

export const HABITS: Record<string, Habit> = {
  "feature-dumper": {
    name: "feature-dumper",
    describe: "pitches features and advantages whenever it can",
    wants: (o) => o.move.kind === "pitch" && o.move.parts.some((p) => p === "feature" || p === "advantage"),
  },
  "situation-spammer": { name: "situation-spammer", describe: "asks situation questions whenever it can", wants: (o) => isSpin(o, "situation") },
  "pushy-closer": { name: "pushy-closer", describe: "pushes for the close whenever it can", wants: (o) => o.move.kind === "close" && o.move.style === "push" },
  "poor-listener": {
    name: "poor-listener",
    describe: "listens distracted, takes no notes and does the talking (pitches, presentations, small talk)",
    listening: { posture: "distracted", notes: false },
    wants: (o) => (o.move.kind === "listen" && o.move.behaviour === "distracted") || o.move.kind === "talk" || o.move.kind === "awareness" || (o.move.kind === "pitch" && o.move.parts.length >= 2),
    avoids: (o) => o.move.kind === "listen" && o.move.behaviour !== "distracted",
  },
  "lone-rep": {
    name: "lone-rep",
    describe: "never brings a colleague into the account (a lone tiger)",
    avoids: (o) => o.move.kind === "relationship" && o.move.action === "bring-colleague",
  },
  "no-implication": { name: "no-implication", describe: "never asks implication questions", avoids: (o) => isSpin(o, "implication") },
  "no-need-payoff": { name: "no-need-payoff", describe: "never asks need-payoff questions", avoids: (o) => isSpin(o, "need-payoff") },
  "no-defence": {
    name: "no-defence",
    describe: "never uses a defence tactic (barrier, in-depth, strategic) against the rival",
    avoids: (o) => o.move.kind === "tactic" && DEFENCES.includes(o.move.tactic),
  },
  "price-cutter": {
    name: "price-cutter",
    describe: "concedes price whenever a concession is offered, instead of defending value",
    wants: concedes,
  },
  "single-threader": {
    name: "single-threader",
    describe: "only ever works the first stakeholder met: addresses no one else, brings no colleague",
    avoids: (o, r) => {
      if (o.move.kind === "relationship" && o.move.action === "bring-colleague") return true;
      // Where the first contact is in the room, everyone else is left out; elsewhere there is no one else to talk to.
      const first = firstAddressed(r);
      return first !== undefined && o.to !== undefined && o.to !== first && r.options.some((x) => x.to === first);
    },
  },
  briber: {
    name: "briber",
    describe: "gives gifts over the compliance cap whenever it can",
    wants: (o, r) => o.move.kind === "relationship" && overGiftCap(r.scenario, o.move),
  },
};

/** Longest option text in the player's language (zh-CN, else en): a player who picks by length. */
function textLength(o: OfferedOption): number {
  return [...(o.text["zh-CN"] ?? o.text.en ?? "")].length;
}

/** A fixed order of move tags, read off the marks, never off the account. */
const TAG_PREFERENCE = ["need-payoff", "implication", "benefit", "problem", "summarise", "evidence", "bring-colleague", "tactic", "advance"];
function tagRank(o: OfferedOption): number {
  const m = o.move;
  const tag = m.kind === "spin" ? m.type : m.kind === "pitch" ? (m.parts.includes("benefit") ? "benefit" : m.parts.includes("evidence") ? "evidence" : "fa") : m.kind === "listen" ? m.behaviour : m.kind === "relationship" ? m.action : m.kind === "close" ? m.style : m.kind;
  const i = TAG_PREFERENCE.indexOf(tag);
  return i === -1 ? TAG_PREFERENCE.length : i;
}

/** Players that never read the account. */
export const BLIND_POLICIES: Policy[] = [
  { name: "always-first", describe: "always the first option listed", listening: () => ({ posture: "neutral", notes: false }), choose: (r) => r.options[0]!.id },
  {
    name: "tag-preference",
    describe: "a fixed preference of move tags (N > I > B > P > …), whatever the account says",
    listening: () => ENGAGED,
    choose: (r, rng) => {
      const top = Math.min(...r.options.map(tagRank));
      return pickRandom(r.options.filter((o) => tagRank(o) === top), rng).id;
    },
  },
  {
    name: "longest-text",
    describe: "always the longest option",
    listening: () => ({ posture: "neutral", notes: false }),
    choose: (r) => r.options.reduce((a, b) => (textLength(b) > textLength(a) ? b : a)).id,
  },
];

/** Every named policy, for the CLI and the studio; the surface players (surface-policies.ts) last. */
export const POLICIES: Record<string, Policy> = Object.fromEntries(
  [goodPlay, randomPlay, ...Object.values(HABITS).map(habitWithRandom), ...Object.values(HABITS).map(habitInGoodPlay), ...BLIND_POLICIES, ...SURFACE_POLICIES].map((p) => [p.name, p]),
);
