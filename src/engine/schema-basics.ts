/**
 * The scenario format's basic pieces: ids, localised text, bounded numbers, variable
 * values. Every other part of the schema (schema-logic.ts, schema.ts) is built from these.
 */
import "./zod-setup.ts";
import { z } from "zod";
import { isVisibleText } from "./caps.ts";

/** Format marker and the newest format version this build reads. */
export const SCENARIO_FORMAT = "dealcraft-scenario";
export const SCENARIO_FORMAT_VERSION = 2;

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-_.]{0,63}$/, "an id is 1-64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit");

/** A player-visible string in every locale, e.g. `{"zh-CN": "您好", "en": "Hello"}`. Missing locales are a checker problem, not a load error. */
export const LocalizedText = z
  .object({ "zh-CN": z.string().optional(), en: z.string().optional() })
  .strict()
  .refine((t) => Object.values(t).some((s) => typeof s === "string" && isVisibleText(s)), {
    message: "text needs at least one translation with visible characters",
  })
  .describe("Text in each locale: {\"zh-CN\": \"…\", \"en\": \"…\"}");
export type LocalizedText = z.infer<typeof LocalizedText>;

export type VarValue = number | boolean | string;
/**
 * Bounds on numbers in a file: far beyond any real scenario, and small enough that sums of
 * them over any run stay exact and finite (nothing an effect adds can reach Infinity).
 */
export const BIG = 1e9;
/** A finite number within ±max. */
export const bounded = (max: number) => z.number().finite().min(-max).max(max);
/** A finite amount from 0 to max. */
export const amount = (max: number) => z.number().finite().min(0).max(max);
export const VarValueSchema = z.union([bounded(BIG), z.boolean(), z.string().max(200)]);
