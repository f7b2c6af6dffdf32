/**
 * The engine's word lists the studio page needs (competencies, need states, shortlist
 * tasks and their statuses), read from the scenario schema it already loads. Importing
 * them from src/engine would put a chunk shared with the game into the game's first visit.
 * A unit test checks they equal the engine's own lists.
 */
import schemaJson from "../../scenarios/scenario.schema.json";
import { valuesAt, type JsonSchema } from "./schema-help.ts";

const schema = schemaJson as unknown as JsonSchema;
const effect = ["nodes", "n", "onEnter", 0];
const strings = (path: (string | number)[]) => valuesAt(schema, path).filter((v): v is string => typeof v === "string");

export const COMPETENCY_NAMES = strings([...effect, "score", "competency"]);
export const NEED_STATE_NAMES = strings([...effect, "need", "to"]);
export const TASK_NAMES = strings([...effect, "task"]);
export const TASK_STATUS_NAMES = strings([...effect, "status"]);
export const COLLEAGUE_NAMES = strings(["position", "pairs", 0]);
/** Largest scenario text the studio opens or sends, in bytes: the schema's own limit is not in it, so this mirrors MAX_SCENARIO_BYTES (tested). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
