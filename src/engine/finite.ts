/** No number in a run may grow past this: effects are clamped, never Infinity or NaN (a save or a room must survive JSON). */
export const NUMBER_LIMIT = 1e9;

/** A finite number within ±NUMBER_LIMIT (NaN and non-numbers become 0). */
export function finite(v: number): number {
  if (typeof v !== "number" || Number.isNaN(v)) return 0;
  return Math.max(-NUMBER_LIMIT, Math.min(NUMBER_LIMIT, v));
}
