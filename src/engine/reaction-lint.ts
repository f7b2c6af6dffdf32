/**
 * Voices: the teaching lint's rules on spoken reactions. A client who answers in the same
 * stock words as the colleague down the corridor stops sounding like a person, and a
 * reaction is only ever spoken when the meeting goes on (`reactionTo`), so words that say
 * goodbye contradict what the player sees next. Pure: reads the file, the engine's generic
 * words and what the probe runs heard.
 */
import type { Scenario } from "./loader.ts";
import type { LocalizedText } from "./schema.ts";
import { REACTIONS } from "./reaction-words.ts";
import { LOCALES } from "./vocabulary.ts";
import { jsonPath, type Problem } from "./problems.ts";

/** Where a stakeholder's words for a principle come from, as `reactionText` looks them up. */
export interface ReactionSource {
  /** JSON path of the table entry, or null for the engine's generic words (src/engine/reactions.json). */
  path: (string | number)[] | null;
  /** Every wording that may be spoken (the generic table has variants, drawn by seed and turn). */
  texts: readonly LocalizedText[];
}

export function reactionSource(s: Scenario, who: string, principle: string): ReactionSource | undefined {
  const own = s.cast[who]?.reactions;
  if (own && Object.hasOwn(own, principle)) return { path: ["cast", who, "reactions", principle], texts: [own[principle]!] };
  if (s.reactions && Object.hasOwn(s.reactions, principle)) return { path: ["reactions", principle], texts: [s.reactions[principle]!] };
  const generic = Object.hasOwn(REACTIONS, principle) ? REACTIONS[principle] : undefined;
  return generic?.length ? { path: null, texts: generic } : undefined;
}

/** Wording that ends a conversation, in each language: a reaction saying it is followed by the meeting going on. */
const FAREWELL: Record<(typeof LOCALES)[number], RegExp> = {
  "zh-CN": /改天|下次再[聊谈说]|先这样吧|到此为止|今天就到这|就谈到这|告辞|再见|我先走了|请回吧/,
  en: /\banother (day|time)\b|\bleave it there\b|\bthat's all for today\b|\bgoodbye\b|\blet's stop (here|there)\b|\bsome other time\b|\bwe're done\b/i,
};

/** Whether the words say the meeting is over (in any language they are written in). */
export function soundsLikeFarewell(text: LocalizedText): boolean {
  return LOCALES.some((l) => {
    const t = text[l];
    return typeof t === "string" && FAREWELL[l].test(t);
  });
}

/** People named in one warning. */
const NAMED = 6;

const norm = (t: string) => t.replace(/\s+/g, " ").trim();

interface Speaking {
  who: string;
  principle: string;
  path: (string | number)[] | null;
}

/**
 * The same reaction text in the mouths of two different stakeholders. Read from each
 * stakeholder's own table (whether or not a run reaches it) and from the reactions the
 * probe runs heard (`heard`: speaker → principles), resolved as the game resolves them.
 */
export function sharedReactionWarnings(s: Scenario, heard: ReadonlyMap<string, ReadonlySet<string>>): Problem[] {
  const speakings: Speaking[] = [];
  const seen = new Set<string>();
  const add = (who: string, principle: string) => {
    if (seen.has(`${who}\u241f${principle}`)) return;
    seen.add(`${who}\u241f${principle}`);
    const src = reactionSource(s, who, principle);
    if (src) speakings.push({ who, principle, path: src.path });
  };
  for (const [who, c] of Object.entries(s.cast)) for (const p of Object.keys(c.reactions ?? {})) add(who, p);
  for (const [who, principles] of heard) if (Object.hasOwn(s.cast, who)) for (const p of principles) add(who, p);

  const out: Problem[] = [];
  const reported = new Set<string>();
  for (const locale of LOCALES) {
    const byText = new Map<string, Set<Speaking>>();
    for (const sp of speakings) {
      for (const t of reactionSource(s, sp.who, sp.principle)!.texts) {
        const words = t[locale];
        if (typeof words !== "string" || !norm(words)) continue;
        const group = byText.get(norm(words)) ?? new Set<Speaking>();
        byText.set(norm(words), group.add(sp));
      }
    }
    for (const [text, group] of byText) {
      const list = [...group];
      if (new Set(list.map((sp) => sp.who)).size < 2) continue;
      const signature = list.map((sp) => `${sp.who}/${sp.principle}`).sort().join(",");
      if (reported.has(signature)) continue;
      reported.add(signature);
      // A hostile file may give one text to thousands: name a few, count the rest.
      const people = list.slice(0, NAMED).map((sp) => `${s.cast[sp.who]!.name["zh-CN"] ?? sp.who} (${sp.who}, "${sp.principle}" from ${sp.path ? jsonPath(sp.path) : "the engine's generic reactions"})`);
      if (list.length > NAMED) people.push(`${list.length - NAMED} more`);
      // The path of the second person's words: where an author gives them their own.
      const second = list.find((sp) => sp.who !== list[0]!.who)!;
      out.push({
        path: jsonPath(second.path ?? ["cast", second.who, "reactions"]),
        message: `in "${s.meta.id}" the reaction 「${text}」 is spoken by ${people.join(" and ")}: give each stakeholder their own words in cast.<id>.reactions, in their voice`,
        severity: "warning",
        rule: "shared-reaction",
        args: { text, people: [...new Set(list.map((sp) => sp.who))].slice(0, NAMED).join(", ") + (list.length > NAMED ? ", …" : "") },
      });
    }
  }
  return out;
}

/** Reactions in the file that say goodbye, though a reaction is only spoken when the meeting goes on. */
export function farewellReactionWarnings(s: Scenario): Problem[] {
  const tables: [(string | number)[], Record<string, LocalizedText> | undefined][] = [
    [["reactions"], s.reactions],
    ...Object.entries(s.cast).map(([who, c]): [(string | number)[], Record<string, LocalizedText> | undefined] => [["cast", who, "reactions"], c.reactions]),
  ];
  const out: Problem[] = [];
  for (const [at, table] of tables) {
    for (const [principle, text] of Object.entries(table ?? {})) {
      if (!soundsLikeFarewell(text)) continue;
      out.push({
        path: jsonPath([...at, principle]),
        message: `the reaction 「${text["zh-CN"] ?? text.en}」 says the meeting is over, but a reaction is only spoken when the meeting goes on: word it as a warning, or end the meeting with meetings.<id>.cutShort`,
        severity: "warning",
        rule: "farewell-reaction",
        args: { text: text["zh-CN"] ?? text.en ?? "" },
      });
    }
  }
  return out;
}
