/** `npm run scenarios:schema`: writes scenarios/scenario.schema.json from the zod schema (input shape, for editors). */
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../engine/json-schema.ts";

const out = "scenarios/scenario.schema.json";
writeFileSync(out, scenarioJsonSchema());
console.log(`wrote ${out}`);
