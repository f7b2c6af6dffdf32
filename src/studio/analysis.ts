/**
 * Everything wrong with the text in the editor, at once and placed: JSON syntax (with
 * jsonc-parser's exact offsets), then the full checker (schema, references, graph,
 * translations) and the teaching lint, each problem mapped from its JSON path to the span
 * the editor underlines. Pure: runs in the studio's worker and in unit tests.
 */
import { printParseErrorCode } from "jsonc-parser";
import { checkScenarioText } from "../engine/check.ts";
import { isError, type Problem } from "../engine/problems.ts";
import { indexText, lineColumn, spanOfPath } from "./json-paths.ts";

/** A problem with its place in the text. */
export interface PlacedProblem extends Omit<Problem, "severity"> {
  from: number;
  to: number;
  line: number;
  column: number;
  /** "acknowledged": a warning the author marked as intended here (`lintOk`); it counts as neither. */
  severity: "error" | "warning" | "acknowledged";
  /** The JSON parser's error code, for a syntax error (the studio words it in its language). */
  syntax?: string;
}

export interface Analysis {
  problems: PlacedProblem[];
  errors: number;
  warnings: number;
  /** Warnings the author acknowledged (`lintOk`). */
  acknowledged: number;
  /** True when the file would load in the game. */
  playable: boolean;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "not a valid number",
  PropertyNameExpected: 'a key in double quotes is expected here, e.g. "id"',
  ValueExpected: "a value is expected here",
  ColonExpected: 'a ":" is expected after the key',
  CommaExpected: 'a "," is expected between items',
  CloseBraceExpected: 'a closing "}" is missing',
  CloseBracketExpected: 'a closing "]" is missing',
  EndOfFileExpected: "text after the end of the scenario",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a string is not closed with a double quote",
  InvalidEscapeCharacter: "invalid escape after a backslash",
  InvalidCharacter: "this character must be escaped inside a string",
};

export function analyse(text: string): Analysis {
  const index = indexText(text);
  const place = (p: Problem, from: number, to: number): PlacedProblem => ({
    ...p,
    from,
    to: Math.max(to, from + (text.length > from ? 1 : 0)),
    ...lineColumn(text, from),
    severity: isError(p) ? "error" : p.acknowledged ? "acknowledged" : "warning",
  });
  let problems: PlacedProblem[];
  if (index.errors.length > 0) {
    // Every syntax error in one pass, where it is; the checker has nothing to say until the JSON parses.
    problems = index.errors.map((e) => {
      const code = printParseErrorCode(e.error);
      const { line, column } = lineColumn(text, e.offset);
      return { ...place({ path: `line ${line}, column ${column}`, message: `invalid JSON: ${SYNTAX_MESSAGES[code] ?? code}` }, e.offset, e.offset + e.length), syntax: code };
    });
  } else {
    const { problems: found } = checkScenarioText(text);
    problems = found.map((p) => {
      const span = spanOfPath(index, p.path);
      return place(p, span.from, span.to);
    });
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const acknowledged = problems.filter((p) => p.severity === "acknowledged").length;
  return { problems, errors, warnings: problems.length - errors - acknowledged, acknowledged, playable: errors === 0 };
}
