/**
 * The team view (team.html): a static page for a manager with no LMS. It reads the reps'
 * history exports and team-session records from a file picker or a drop, in this browser
 * only (nothing is uploaded; no network at all), shows each learner's trend and the
 * decisions' heat map, and exports everything read as one CSV.
 */
import "../room/room.css";
import "./team.css";
import type { Locale } from "../engine/vocabulary.ts";
import { fill, h } from "../room/dom.ts";
import { initialLocale, otherLocale, saveLocale } from "../room/i18n.ts";
import { attemptsToCsv } from "../progress/csv.ts";
import { tt } from "./i18n.ts";
import { learners, mergeAttempts, type SourcedAttempt } from "./model.ts";
import { MAX_FILE_BYTES, readTeamFile, type TeamFile } from "./read.ts";
import { filesSection, heatSection, learnersSection } from "./view.ts";

let locale: Locale = initialLocale();
let files: TeamFile[] = [];
let status = "";
const app = document.getElementById("app")!;

const attempts = (): SourcedAttempt[] => mergeAttempts(files.flatMap((f) => (f.kind === "history" ? [{ source: f.name, attempts: f.attempts }] : [])));

async function read(list: FileList | File[]): Promise<void> {
  const read = await Promise.all(
    [...list].map(async (file): Promise<TeamFile> => {
      const name = file.name.slice(0, 120);
      if (!/\.(csv|json)$/i.test(name) && !/csv|json/.test(file.type)) return { kind: "bad", name, problems: [tt(locale, "files.kind")] };
      if (file.size > MAX_FILE_BYTES) return { kind: "bad", name, problems: [tt(locale, "files.too-big", { mb: MAX_FILE_BYTES / 1024 / 1024 })] };
      return readTeamFile(name, await file.text());
    }),
  );
  // A file read again replaces its earlier reading.
  files = [...files.filter((f) => !read.some((r) => r.name === f.name)), ...read];
  status = "";
  render();
}

function exportCsv(): void {
  const all = attempts();
  const blob = new Blob(["\uFEFF", attemptsToCsv(all, { column: "source_file", value: (a) => a.source })], { type: "text/csv;charset=utf-8" });
  const a = h("a", { href: URL.createObjectURL(blob), download: `dealcraft-team-${new Date().toISOString().slice(0, 10)}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  status = tt(locale, "export.done", { n: all.length, learners: learners(all).length });
  render();
}

function render(): void {
  document.documentElement.lang = locale;
  document.title = tt(locale, "app.title");
  const L = locale;
  const input = h("input", { type: "file", id: "team-files", multiple: true, accept: ".csv,.json,text/csv,application/json", class: "visually-hidden" });
  input.addEventListener("change", () => {
    if (input.files?.length) void read(input.files);
  });
  const all = attempts();
  fill(
    app,
    h(
      "header",
      { class: "team-top" },
      h("h1", {}, tt(L, "app.title")),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          lang: otherLocale(L),
          onclick: () => {
            locale = otherLocale(locale);
            saveLocale(locale);
            render();
          },
        },
        tt(L, "app.language"),
      ),
    ),
    h("p", { class: "dim" }, tt(L, "app.intro")),
    h("div", { id: "drop", class: "drop" }, h("label", { for: "team-files", class: "button" }, tt(L, "files.pick")), input, h("span", { class: "dim" }, tt(L, "files.drop"))),
    filesSection(L, files),
    learnersSection(L, all),
    heatSection(L, files),
    h("p", {}, h("button", { type: "button", id: "export", disabled: !all.length, onclick: exportCsv }, tt(L, "export.button"))),
    status ? h("p", { id: "status", role: "status" }, status) : null,
  );
}

// The whole window takes a drop, so a file let go a little off the box is not opened as a page.
window.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.getElementById("drop")?.classList.add("over");
});
window.addEventListener("dragleave", () => document.getElementById("drop")?.classList.remove("over"));
window.addEventListener("drop", (e) => {
  e.preventDefault();
  document.getElementById("drop")?.classList.remove("over");
  if (e.dataTransfer?.files.length) void read(e.dataTransfer.files);
});
render();
