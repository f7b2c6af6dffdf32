/** The translators' tab: the scenario's texts as a table, exported and imported as CSV or XLIFF. */
import { parse } from "jsonc-parser";
import type { StudioKey } from "./i18n.ts";
import type { ScenarioEditor } from "./editor.ts";
import { applyStrings, extractStrings, parseTable, toCsv, toXliff, TABLE_LOCALES } from "./strings-table.ts";

type T = (key: StudioKey, vars?: Record<string, string | number>) => string;
const $ = <E extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as E;

function download(name: string, text: string, type: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function createStringsPanel(opts: { t: T; editor: ScenarioEditor; setStatus(text: string, tone?: "" | "bad" | "good"): void }) {
  const { t, editor } = opts;
  const id = () => {
    const meta = (parse(editor.text()) as { meta?: { id?: unknown } } | undefined)?.meta;
    return typeof meta?.id === "string" ? meta.id : "scenario";
  };
  const rows = () => extractStrings(parse(editor.text()));
  $("str-csv").addEventListener("click", () => download(`${id()}.strings.csv`, toCsv(rows()), "text/csv"));
  $("str-xliff").addEventListener("click", () => download(`${id()}.en.xlf`, toXliff(rows(), `${id()}.json`), "application/xml"));
  $("str-import").addEventListener("click", () => $("str-file").click());
  $<HTMLInputElement>("str-file").addEventListener("change", async (ev) => {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    try {
      const result = applyStrings(editor.text(), parseTable(await file.text()));
      if (result.changed) editor.setText(result.text);
      $("str-status").textContent = t("str.imported", { n: result.changed, skipped: result.skipped.length });
    } catch (e) {
      $("str-status").textContent = t("str.failed", { reason: (e as Error).message });
    }
  });
  let shown = "";
  return {
    update(text: string) {
      if (text === shown || $("tab-strings").hidden) {
        if ($("tab-strings").hidden) shown = "";
        return;
      }
      shown = text;
      const list = extractStrings(parse(text));
      const missing = list.filter((r) => TABLE_LOCALES.some((l) => !r[l])).length;
      $("str-status").textContent = t("str.count", { n: list.length, missing });
      const table = $("str-table");
      const head = document.createElement("tr");
      for (const h of ["path", ...TABLE_LOCALES]) head.append(Object.assign(document.createElement("th"), { textContent: h }));
      const body = list.slice(0, 500).map((r) => {
        const tr = document.createElement("tr");
        tr.append(Object.assign(document.createElement("td"), { textContent: r.path }));
        for (const l of TABLE_LOCALES) tr.append(Object.assign(document.createElement("td"), { textContent: r[l], className: r[l] ? "" : "missing" }));
        return tr;
      });
      table.replaceChildren(head, ...body);
    },
  };
}
