/**
 * Facts derived from a loaded scenario (or a part of it) that no run changes: worked out
 * the first time they are asked for, then shared by every run (the simulator plays
 * thousands). Keyed weakly, so a scenario that is dropped takes its facts with it.
 * `context` (say, the scenario a node belongs to) is passed through to `derive` and is
 * not part of the key.
 */
type Ask<K, C, V> = [C] extends [undefined] ? (key: K) => V : (key: K, context: C) => V;

export function derivedOnce<K extends object, V extends NonNullable<unknown>, C = undefined>(derive: (key: K, context: C) => V): Ask<K, C, V> {
  const cache = new WeakMap<K, V>();
  // Fixed parameters, no rest array: this runs on every node entered in the simulator's hot path.
  const ask = (key: K, context: C): V => {
    const known = cache.get(key); // one lookup: a fact is never undefined
    if (known !== undefined) return known;
    const value = derive(key, context);
    cache.set(key, value);
    return value;
  };
  return ask as Ask<K, C, V>;
}
