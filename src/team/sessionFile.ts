/**
 * A team session's JSON record (the facilitator's export, server/exports.ts) as the team
 * view reads it: untrusted, so every field used is checked with zod, and a bad file is
 * reported by its JSON path ("decisions.3.options.1.rank: expected number").
 */
import "../engine/zod-setup.ts";
import { z } from "zod";

const Text = z.record(z.string(), z.string().max(2000));
const Id = z.string().min(1).max(64);

const SessionOption = z.object({
  id: Id,
  text: Text,
  move: z.object({ kind: z.string().max(40) }).passthrough(),
  rank: z.number().min(0).max(100),
  votes: z.number().int().min(0),
});

const SessionDecision = z.object({
  round: z.number().int().min(0),
  meeting: Text.nullable(),
  prompt: z.object({ text: Text }).passthrough().nullable(),
  options: z.array(SessionOption).min(1).max(20),
  chosen: z.string().max(64),
  best: z.array(Id).max(20),
  votes: z.record(z.string().max(64), z.string().max(64)),
});

const SessionRecord = z.object({
  format: z.literal("dealcraft-session"),
  version: z.literal(1),
  code: z.string().max(16),
  scenario: z.object({ id: Id, title: Text }).passthrough(),
  createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date"),
  participants: z.array(z.object({ pid: z.string().max(64), name: z.string().max(60), team: z.string().max(40).nullable() }).passthrough()).max(500),
  decisions: z.array(SessionDecision).max(2000),
});

export type SessionRecord = z.infer<typeof SessionRecord>;
export type SessionDecision = z.infer<typeof SessionDecision>;

/** The record, or the problems found, each naming its JSON path. */
export function readSession(text: string): { ok: true; session: SessionRecord } | { ok: false; problems: string[] } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  const r = SessionRecord.safeParse(v);
  if (r.success) return { ok: true, session: r.data };
  return { ok: false, problems: r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(the file)"}: ${i.message}`) };
}
