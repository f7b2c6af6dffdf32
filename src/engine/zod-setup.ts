/**
 * Zod without its JIT: zod 4 compiles object parsers with `new Function` and first probes
 * whether it may, which a strict Content-Security-Policy (no 'unsafe-eval') reports as a
 * violation even though the probe's error is caught. This must run before any schema is
 * built (a schema decides at construction whether to compile), so every module that
 * builds schemas, and every entry and worker that loads one, imports this first. `config`
 * comes from zod's core module, so importing this costs a few hundred bytes, not zod.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
