/** Generic reactions by principle, in the client's voice; a scenario may override them per stakeholder or for the whole file. */
import reactions from "./reactions.json";
import type { LocalizedText } from "./schema.ts";

export const REACTIONS = reactions as Record<string, LocalizedText[]>;
