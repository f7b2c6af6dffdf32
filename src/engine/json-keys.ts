/**
 * What JSON.parse hides: a key written twice keeps only its last value, and a `__proto__`
 * key is dropped or becomes an object's prototype further on. Both lose an author's data
 * without a word, so the checker reports each with its JSON path and line. jsonc-parser's
 * scanner (Microsoft's, the one VS Code uses for JSON) walks the text and reports each
 * property with its offset and enclosing path; we only keep the sets of keys seen.
 */
import { visit } from "jsonc-parser";
import { jsonPath, type Problem } from "./problems.ts";

/** At most this many key problems are listed: a generated file with thousands says enough with these. */
const MAX_REPORTED = 50;

/** Duplicate and `__proto__` keys in JSON text, with paths; [] when there are none. Never throws. */
export function keyProblems(text: string): Problem[] {
  const problems: Problem[] = [];
  const open: Array<Set<string>> = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        open.push(new Set());
      },
      onObjectEnd: () => {
        open.pop();
      },
      onObjectProperty: (key, _offset, _length, line, column, pathSupplier) => {
        const seen = open[open.length - 1];
        if (!seen || problems.length >= MAX_REPORTED) return;
        const where = `line ${line + 1}, column ${column + 1}`;
        if (key === "__proto__") {
          problems.push({ path: jsonPath([...pathSupplier(), key]), message: `"__proto__" cannot be a key (${where}): JavaScript drops it or makes it the object's prototype; rename it` });
        } else if (seen.has(key)) {
          problems.push({ path: jsonPath([...pathSupplier(), key]), message: `duplicate key "${key}" (${where}): JSON keeps only the last one and the earlier is lost; remove or rename one` });
        }
        seen.add(key);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return problems;
}
