/**
 * Clients who differ from seed to seed (issue #21): where a scenario lists `temperaments`,
 * each stakeholder without a fixed one draws one as the run begins, so a steady player meets
 * a different client on another seed while play that reads the client still wins. What each
 * temperament changes lives with the move it changes (spin.ts, pitch.ts); here only the draw
 * and the first impression.
 */
import type { RunCore } from "./core.ts";
import type { Temperament } from "./vocabulary.ts";

/** How each temperament starts the relationship: an open client is warmer, a guarded one trusts less. */
const FIRST_IMPRESSION: Record<Temperament, { trust: number; emotion: number }> = {
  open: { trust: 0, emotion: 1 },
  guarded: { trust: -1, emotion: 0 },
  analytical: { trust: 0, emotion: 0 },
};

const clamp = (v: number) => Math.max(0, Math.min(10, v));

/** Draws each stakeholder's temperament (in cast order, after the chance needs: older scenarios draw nothing new). */
export function drawTemperaments(core: RunCore): void {
  const pool = core.scenario.temperaments;
  const draws = core.facts.temperaments;
  if (!pool && !draws.some((d) => d.fixed)) return;
  const stakeholders = core.account.stakeholders;
  for (const { who: id, fixed } of draws) {
    const t = fixed ?? (pool ? pool[Math.floor(core.random() * pool.length)]! : undefined);
    if (!t) continue;
    const st = stakeholders[id]!;
    st.temperament = t;
    const first = FIRST_IMPRESSION[t];
    st.trust = clamp(st.trust + first.trust);
    st.emotion = clamp(st.emotion + first.emotion);
  }
}

/** A stakeholder's temperament this run (undefined where the scenario gives none). */
export function temperamentOf(core: Pick<RunCore, "account">, who: string | undefined): Temperament | undefined {
  return who !== undefined && Object.hasOwn(core.account.stakeholders, who) ? core.account.stakeholders[who]!.temperament : undefined;
}
