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
const FIRST_IMPRESSION: Record<Temperament, { trust?: number; emotion?: number }> = {
  open: { emotion: 1 },
  guarded: { trust: -1 },
  analytical: {},
};

const clamp = (v: number) => Math.max(0, Math.min(10, v));

/** Draws each stakeholder's temperament (in cast order, after the chance needs: older scenarios draw nothing new). */
export function drawTemperaments(core: RunCore): void {
  const pool = core.scenario.temperaments;
  for (const [id, who] of Object.entries(core.scenario.cast)) {
    const t = who.temperament ?? (pool ? pool[Math.floor(core.random() * pool.length)]! : undefined);
    if (!t) continue;
    const st = core.account.stakeholders[id]!;
    st.temperament = t;
    const first = FIRST_IMPRESSION[t];
    if (first.trust) st.trust = clamp(st.trust + first.trust);
    if (first.emotion) st.emotion = clamp(st.emotion + first.emotion);
  }
}

/** A stakeholder's temperament this run (undefined where the scenario gives none). */
export function temperamentOf(core: Pick<RunCore, "account">, who: string | undefined): Temperament | undefined {
  return who !== undefined && Object.hasOwn(core.account.stakeholders, who) ? core.account.stakeholders[who]!.temperament : undefined;
}
