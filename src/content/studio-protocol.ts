/**
 * The messages between the studio and the game it embeds (an iframe on the same origin):
 * the studio sends a scenario with the choices to replay; the game answers with the
 * problems that stopped it, or the live state after each step. Everything received is
 * checked here by hand (no validator chunk needed) before it is used.
 */

export const STUDIO_PROTOCOL = "dealcraft-studio/1";
/** Longest scenario text a play request may carry: MAX_SCENARIO_BYTES (a test checks), not imported so the studio page shares no chunk with the game's first visit. */
export const MAX_PLAY_TEXT = 2 * 1024 * 1024;
/** Most choices a replay may carry: far more than any scenario's run. */
export const MAX_REPLAY = 2000;

export interface ReplayChoice {
  node: string;
  option: string;
}

/** Studio → game: play this scenario text with this seed, replaying these choices first. */
export interface PlayRequest {
  protocol: typeof STUDIO_PROTOCOL;
  kind: "play";
  text: string;
  seed: string;
  decisions: ReplayChoice[];
  /** The author restarted from the studio: the game takes the keyboard focus once it plays. */
  focus?: boolean;
}

/** One stakeholder as the live-state panel shows them. */
export interface LivePerson {
  id: string;
  name: string;
  level: string;
  trust: number;
  interest: number;
  emotion: number;
  needs: Record<string, string>;
}

/** The run's state after a step, for the studio's panel. */
export interface LiveState {
  node: string;
  status: string;
  stage: string;
  ending: string | null;
  total: number;
  vars: Record<string, number | boolean | string>;
  weeks: number;
  budget: number;
  risk: number;
  pairs: string[];
  tasks: Record<string, string>;
  people: LivePerson[];
  decisions: ReplayChoice[];
}

/** Game → studio. */
export type GameMessage =
  | { protocol: typeof STUDIO_PROTOCOL; kind: "ready" }
  | { protocol: typeof STUDIO_PROTOCOL; kind: "problems"; problems: { path: string; message: string }[] }
  | { protocol: typeof STUDIO_PROTOCOL; kind: "state"; replayed: number; requested: number; state: LiveState };

const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 64;

/** The play request in `data`, or null if it is not a well-formed one. */
export function parsePlayRequest(data: unknown): PlayRequest | null {
  if (!data || typeof data !== "object") return null;
  const m = data as Record<string, unknown>;
  if (m.protocol !== STUDIO_PROTOCOL || m.kind !== "play") return null;
  if (typeof m.text !== "string" || m.text.length > MAX_PLAY_TEXT) return null;
  if (typeof m.seed !== "string" || m.seed.length === 0 || m.seed.length > 64) return null;
  if (!Array.isArray(m.decisions) || m.decisions.length > MAX_REPLAY) return null;
  const decisions: ReplayChoice[] = [];
  for (const d of m.decisions as unknown[]) {
    if (!d || typeof d !== "object") return null;
    const { node, option } = d as Record<string, unknown>;
    if (!isId(node) || !isId(option)) return null;
    decisions.push({ node, option });
  }
  return { protocol: STUDIO_PROTOCOL, kind: "play", text: m.text, seed: m.seed, decisions, ...(m.focus === true ? { focus: true } : {}) };
}

/** The game's message in `data`, or null: the studio trusts the game's origin, but not blindly its shape. */
export function parseGameMessage(data: unknown): GameMessage | null {
  if (!data || typeof data !== "object") return null;
  const m = data as Record<string, unknown>;
  if (m.protocol !== STUDIO_PROTOCOL) return null;
  if (m.kind === "ready") return { protocol: STUDIO_PROTOCOL, kind: "ready" };
  if (m.kind === "problems" && Array.isArray(m.problems)) return m as GameMessage;
  if (m.kind === "state" && m.state && typeof m.state === "object" && typeof m.replayed === "number") return m as GameMessage;
  return null;
}
