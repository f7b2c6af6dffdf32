/**
 * What a loaded scenario implies that never changes during a run — its stage order, the
 * client departments it has, whether colleagues can be brought in, which needs are held by
 * chance, which competitor moves come at each meeting, who reacts to which principle.
 * Derived once per scenario and shared by every run (the simulator plays thousands), so
 * rules read a table instead of re-deriving it from the cast at every move.
 */
import type { Scenario } from "./loader.ts";
import type { Department, Temperament } from "./vocabulary.ts";
import { REACTIONS } from "./reaction-words.ts";
import { derivedOnce } from "./derived.ts";

export interface ScenarioFacts {
  /** Each stage's position in the pipeline. */
  readonly stageIndex: ReadonlyMap<string, number>;
  /** The client departments of the cast, each once. */
  readonly departments: readonly Department[];
  /** Whether some option brings a colleague in (the virtual sales organisation is in play). */
  readonly teamPlay: boolean;
  /** Needs a stakeholder holds only by chance, in cast order (drawn once per run, in this order). */
  readonly chanceNeeds: readonly { who: string; need: string; chance: number }[];
  /** Each stakeholder in cast order, with the temperament the scenario fixes for them (if any). */
  readonly temperaments: readonly { who: string; fixed?: Temperament }[];
  /** Needs of one stakeholder sharing a `group`: each run holds exactly one, drawn with their chances as weights (cast order, then group order). */
  readonly needGroups: readonly { who: string; needs: readonly string[]; weights: readonly number[] }[];
  /** Indices into `competitorScript` of the entries that act when each meeting starts, in script order. */
  readonly competitorsAt: ReadonlyMap<string, readonly number[]>;
  /** For each stakeholder, the principles someone has words for (their own, the file's or the generic ones). */
  readonly reactsTo: ReadonlyMap<string, ReadonlySet<string>>;
}

export const scenarioFacts = derivedOnce((scenario: Scenario): ScenarioFacts => {
  const chanceNeeds: { who: string; need: string; chance: number }[] = [];
  const needGroups: { who: string; needs: string[]; weights: number[] }[] = [];
  for (const [who, c] of Object.entries(scenario.cast)) {
    const groups = new Map<string, { who: string; needs: string[]; weights: number[] }>();
    for (const [need, n] of Object.entries(c.needs ?? {})) {
      if (n.group !== undefined) {
        const g = groups.get(n.group) ?? { who, needs: [], weights: [] };
        g.needs.push(need);
        g.weights.push(n.chance ?? 1);
        groups.set(n.group, g);
      } else if (n.chance !== undefined && n.chance < 1) chanceNeeds.push({ who, need, chance: n.chance });
    }
    needGroups.push(...groups.values());
  }
  const competitorsAt = new Map<string, number[]>();
  (scenario.competitorScript ?? []).forEach((entry, i) => competitorsAt.set(entry.at, [...(competitorsAt.get(entry.at) ?? []), i]));
  const spoken = Object.keys(REACTIONS).filter((p) => REACTIONS[p]!.length > 0);
  const shared = Object.keys(scenario.reactions ?? {});
  const reactsTo = new Map<string, Set<string>>();
  for (const [who, c] of Object.entries(scenario.cast)) reactsTo.set(who, new Set([...spoken, ...shared, ...Object.keys(c.reactions ?? {})]));
  return {
    stageIndex: new Map(scenario.stages.map((st, i) => [st.id, i])),
    departments: [...new Set(Object.values(scenario.cast).map((c) => c.department))],
    teamPlay: Object.values(scenario.nodes).some((n) => n.options?.some((o) => o.move.kind === "relationship" && o.move.action === "bring-colleague")),
    chanceNeeds,
    needGroups,
    temperaments: Object.entries(scenario.cast).map(([who, c]) => (c.temperament ? { who, fixed: c.temperament } : { who })),
    competitorsAt,
    reactsTo,
  };
});
