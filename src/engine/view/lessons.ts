/**
 * The debrief's three lessons, netted by topic over the whole run: a shortlist task that
 * failed at one gate and was done later is not a lesson, nor is a relationship that fell
 * and rose again. What decided the ending comes first (the gift of a disqualified run, the
 * choice that walked into a loss); then the costliest topics; with few losses, what went best.
 */
import type { RunState } from "../state.ts";
import { explainScore, PRINCIPLES } from "../scorecard.ts";
import type { LocalizedText } from "../schema.ts";

export interface Lesson {
  principle: string;
  explain: LocalizedText;
  points: number;
  research: boolean;
}

/** Principles that are two sides of one topic: the lesson is their net. */
export function topicOf(principle: string): string {
  const task = /^task\.(?:done|failed)\.(.+)$/.exec(principle);
  if (task) return `task.${task[1]}`;
  if (principle === "rel.level-up" || principle === "rel.level-down") return "rel.level";
  if (principle === "strategy.team-coverage" || principle === "strategy.lone-tiger") return "strategy.team";
  if (principle === "listen.talk-less" || principle === "listen.talk-too-much") return "listen.talk";
  if (principle.startsWith("ethics.")) return "ethics";
  return principle;
}

/** Each topic's net points and the principle that speaks for it (the one whose sign the net has, largest first). */
export function nettedTopics(log: RunState["log"]): Map<string, { points: number; principle: string }> {
  const byPrinciple = new Map<string, number>();
  for (const e of log) if (e.type === "score" && e.principle && e.competency !== "outcome") byPrinciple.set(e.principle, (byPrinciple.get(e.principle) ?? 0) + e.points);
  const topics = new Map<string, { points: number; parts: [string, number][] }>();
  for (const [p, pts] of byPrinciple) {
    const t = topics.get(topicOf(p)) ?? { points: 0, parts: [] };
    t.points += pts;
    t.parts.push([p, pts]);
    topics.set(topicOf(p), t);
  }
  const out = new Map<string, { points: number; principle: string }>();
  for (const [topic, t] of topics) {
    const points = Math.round(t.points * 10) / 10;
    if (points === 0) continue;
    const voice = t.parts.filter(([, p]) => Math.sign(p) === Math.sign(points)).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0]!;
    out.set(topic, { points, principle: voice[0] });
  }
  return out;
}

/**
 * The run's three lessons. `decisive` names principles that decided the ending (most
 * important first); a loss among them leads.
 */
export function lessonsOf(log: RunState["log"], decisive: readonly string[] = []): Lesson[] {
  const topics = nettedTopics(log);
  const ranked = [...topics.entries()].sort((a, b) => a[1].points - b[1].points);
  const first = decisive.map(topicOf).filter((t, i, all) => all.indexOf(t) === i && (topics.get(t)?.points ?? 0) < 0);
  const losses = ranked.filter(([t, x]) => x.points < 0 && !first.includes(t)).map(([t]) => t);
  const gains = ranked.filter(([, x]) => x.points > 0).reverse().map(([t]) => t);
  return [...first, ...losses, ...gains].slice(0, 3).map((t) => {
    const { points, principle } = topics.get(t)!;
    return { principle, points, explain: explainScore({ principle }), research: !!PRINCIPLES[principle]?.research };
  });
}
