/**
 * The debrief tells the truth (issue #21), as invariants over many seeded runs of every
 * bundled scenario and every named policy, in both locales:
 * - "the best ending" is said only of an ending no other ending of the scenario outranks;
 * - every lesson is its topic's net over the run, and no lesson contradicts the scorecard's tasks;
 * - a turning point, when named, really reaches the ending it names when replayed, and that
 *   ending is better; when none is named on a non-best ending, play by the course from the
 *   start does no better either;
 * - a disqualified run's first lesson is compliance, and its turning point is the gift.
 * DEALCRAFT_PROPERTY_RUNS sets the runs per scenario and policy (default 32: about two
 * thousand runs in all; 100 and more for a deeper search after a content change).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario, POLICIES, playOnce, createRng, seedToState, OUTCOMES, goodPlay, type Scenario, type Runner } from "../../src/engine/index.ts";
import { debriefView } from "../../src/engine/view/debrief.ts";
import { bestOutcome } from "../../src/engine/view/reason.ts";
import { replayTurningPoint } from "../../src/engine/view/turning.ts";
import { nettedTopics, topicOf } from "../../src/engine/view/lessons.ts";
import { isDisqualification } from "../../src/engine/finish.ts";
import { reasonText, turningText } from "../../src/content/dealText.ts";
import { t } from "../../src/content/i18n.ts";
import { LOCALES } from "../../src/engine/vocabulary.ts";

const RUNS = Number(process.env.DEALCRAFT_PROPERTY_RUNS ?? 32);
const scenarios: Scenario[] = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))));

function rankOf(r: Runner): number {
  const e = r.state.ending;
  if (!e) return -2;
  return isDisqualification(r, e) ? -1 : OUTCOMES.indexOf(r.scenario.endings[e]!.outcome);
}

describe.each(scenarios.map((s) => [s.meta.id, s] as const))("the debrief of %s tells the truth", (_id, s) => {
  const best = OUTCOMES.indexOf(bestOutcome(s));
  it.each(Object.keys(POLICIES))(`on ${RUNS} seeded runs of %s`, (name) => {
    const policy = POLICIES[name]!;
    for (let i = 0; i < RUNS; i++) {
      const seed = `${name}:${i}`;
      const r = playOnce(s, policy, seed, createRng(seedToState(`policy:${seed}`)));
      if (r.status !== "ended") continue;
      const v = debriefView(r);
      const where = `${s.meta.id} ${name} seed ${seed}: ending ${r.state.ending}`;
      const rank = rankOf(r);
      const isBest = rank === best;
      expect(v.reason?.kind === "best", where).toBe(isBest);
      for (const locale of LOCALES) {
        const words = reasonText(v, s, locale).text + turningText(v, locale);
        const claimsBest = words.includes(t(locale, "debrief.reason-best")) || words.includes(t(locale, "debrief.turning-best"));
        expect(claimsBest, `${where} (${locale}) says: ${words}`).toBe(isBest);
      }
      if (v.reason?.kind === "unmet") expect(v.reason.shortfalls.length, where).toBeGreaterThan(0);

      // Lessons are topic nets: each lesson's points are its topic's net, and a task the scorecard shows done is no "not done" lesson.
      const topics = nettedTopics(r.state.log);
      for (const l of v.lessons) {
        expect(topics.get(topicOf(l.principle))?.points, `${where}: lesson ${l.principle}`).toBe(l.points);
        const failed = /^task\.failed\.(.+)$/.exec(l.principle);
        if (failed) expect(v.tasks.find((x) => x.task === failed[1])?.status, `${where}: ${l.principle}`).not.toBe("done");
      }

      if (isDisqualification(r, r.state.ending)) {
        expect(topicOf(v.lessons[0]!.principle), where).toBe("ethics");
        const lastChoice = r.state.log.filter((e) => e.type === "choice").at(-1)!;
        if (v.turningPoint) expect(v.turningPoint.turn, where).toBe(lastChoice.turn);
      }

      const tp = v.turningPoint;
      if (isBest) expect(tp, where).toBeNull();
      else if (tp) {
        const replay = replayTurningPoint(s, seed, r.state.inputs, tp);
        expect(replay.state.ending, `${where}: the turning point's promise`).toBe(tp.ending);
        expect(rankOf(replay), where).toBeGreaterThan(rank);
      } else {
        const byTheCourse = playOnce(s, goodPlay, seed, createRng(seedToState(`course:${seed}`)));
        expect(rankOf(byTheCourse), `${where}: no turning point named, yet play by the course does better`).toBeLessThanOrEqual(rank);
      }
    }
  });
});
