/**
 * Whether this page was launched by an LMS or for an LRS, decided without loading any of
 * the LMS code: a SCORM API in a parent or opener window, an xAPI endpoint in the URL, or
 * a cmi5 launch (`endpoint` and `fetch`).
 */
import { findScormApi } from "./find-api.ts";

export function isLmsLaunch(p: URLSearchParams, win: Window = window): boolean {
  return p.has("xapi-endpoint") || (p.has("endpoint") && p.has("fetch")) || findScormApi(win) !== null;
}
