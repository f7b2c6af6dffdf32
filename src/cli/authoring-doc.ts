/**
 * `npm run docs:authoring`: writes docs/authoring.md from docs/authoring.src.md (the prose,
 * hand-written) and the engine's rule table and constants (the tables, generated).
 * `--check` exits 1 when the committed guide is stale instead of writing it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderAuthoringDoc } from "./authoring-tables.ts";

const AUTHORING_SRC = "docs/authoring.src.md";
const AUTHORING_DOC = "docs/authoring.md";

const doc = renderAuthoringDoc(readFileSync(AUTHORING_SRC, "utf8"));
if (process.argv.includes("--check")) {
  const current = readFileSync(AUTHORING_DOC, "utf8");
  if (current !== doc) {
    console.error(`${AUTHORING_DOC} is stale: run npm run docs:authoring`);
    process.exit(1);
  }
} else {
  writeFileSync(AUTHORING_DOC, doc);
  console.log(`wrote ${AUTHORING_DOC}`);
}
