/**
 * Every message a page may send, as zod schemas: anything else is refused before it
 * reaches a room. Names are trimmed, stripped of control and bidi-override characters
 * and length-limited; they are only ever shown as text.
 */
import { z } from "zod";
import { LOCALES } from "../src/engine/vocabulary.ts";
import { MAX_NAME, MAX_TEAM, MAX_TEAMS, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, ROOM_MODES, TIMER_CHOICES } from "../src/room/protocol.ts";

// C0/C1 controls, zero-width and bidi overrides: they could hide or reorder a name on the projector.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const cleanText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.replace(INVISIBLE, "").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1).max(max));

export const RoomCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().length(ROOM_CODE_LENGTH).regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`)));

const Token = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);
const Pid = z.string().regex(/^[a-f0-9]{12}$/);
const OptionId = z.string().min(1).max(64);

export const CreateRoomMsg = z
  .object({
    scenarioId: z.string().min(1).max(64),
    mode: z.enum(ROOM_MODES),
    timerSec: z.number().int().refine((n) => (TIMER_CHOICES as readonly number[]).includes(n), "not one of the timer choices"),
    teams: z.array(cleanText(MAX_TEAM)).max(MAX_TEAMS).refine((t) => new Set(t).size === t.length, "team names must differ"),
    showMoves: z.boolean(),
    locale: z.enum(LOCALES),
  })
  .strict();

export const PeekMsg = z.object({ code: RoomCode }).strict();

export const AttachMsg = z.object({ code: RoomCode, token: Token }).strict();

export const HostActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start") }).strict(),
  z.object({ type: z.literal("open") }).strict(),
  z.object({ type: z.literal("close") }).strict(),
  z.object({ type: z.literal("reveal") }).strict(),
  z.object({ type: z.literal("play"), track: z.number().int().min(0).max(MAX_TEAMS).optional(), option: OptionId.optional() }).strict(),
  z.object({ type: z.literal("skip") }).strict(),
  z.object({ type: z.literal("pause") }).strict(),
  z.object({ type: z.literal("resume") }).strict(),
  z.object({ type: z.literal("map"), show: z.boolean() }).strict(),
  z.object({ type: z.literal("kick"), pid: Pid }).strict(),
  z.object({ type: z.literal("end") }).strict(),
]);

export const HostActionMsg = z.object({ code: RoomCode, token: Token, action: HostActionSchema }).strict();

export const JoinMsg = z
  .object({
    code: RoomCode,
    clientId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    name: cleanText(MAX_NAME),
    team: cleanText(MAX_TEAM).nullable(),
  })
  .strict();

export const VoteMsg = z.object({ round: z.number().int().min(1), option: OptionId }).strict();
