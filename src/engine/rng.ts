/**
 * Seeded pseudo-random numbers (mulberry32). The whole generator state is one uint32,
 * so it serialises into a save and a replay draws the same numbers.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** The current state, a uint32, for saving. */
  readonly state: number;
}

/** Turns any seed (number or text, e.g. a room code) into a uint32 state. */
export function seedToState(seed: number | string): number {
  const text = String(seed);
  let h = 2166136261 >>> 0; // FNV-1a
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** One mulberry32 step: the next state after `state`. */
export function rngStep(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

/** The float in [0, 1) a stepped state stands for. Pure, no allocation (the simulator draws millions). */
export function rngValue(stepped: number): number {
  let t = stepped;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function createRng(state: number): Rng {
  let s = state >>> 0;
  return {
    next() {
      s = rngStep(s);
      return rngValue(s);
    },
    get state() {
      return s;
    },
  };
}
