/**
 * The scenario editor: CodeMirror 6 with JSON, history (undo/redo), squiggles the
 * studio's analysis places, completion of keys and fixed values from the scenario schema
 * and of the file's own ids, and hover help with the schema's descriptions.
 */
import { EditorView, basicSetup } from "codemirror";
import { json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { hoverTooltip, keymap } from "@codemirror/view";
import { redo, undo } from "@codemirror/commands";
import { EditorSelection } from "@codemirror/state";
import { getLocation, parse } from "jsonc-parser";
import schemaJson from "../../scenarios/scenario.schema.json";
import { placeAt, type PathSegment } from "./json-paths.ts";
import { describeAt, helpText, keysAt, valuesAt, type JsonSchema } from "./schema-help.ts";
import { st, type StudioKey } from "./i18n.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { declaredIds, idKindAt, idsFor, needOwnerAt } from "./ids.ts";
import type { PlacedProblem } from "./analysis.ts";

const schema = schemaJson as unknown as JsonSchema;
/** The language of hover help and completion details: the studio's, set by `setLocale`. */
let helpLocale: Locale = "zh-CN";

/** The document as far as it parses (jsonc-parser recovers from errors). */
function loose(text: string): unknown {
  try {
    return parse(text, [], { allowTrailingComma: true });
  } catch {
    return undefined;
  }
}

/** What kind of id this is, in the studio's language. */
const kindName = (kind: string) => st(helpLocale, `id.${kind}` as StudioKey);

function completeScenario(ctx: CompletionContext): CompletionResult | null {
  const text = ctx.state.doc.toString();
  const place = placeAt(text, ctx.pos);
  const quoted = text[place.from - 1] === '"';
  if (!ctx.explicit && !quoted && place.typed === "") return null;
  const doc = loose(text);
  const wrap = (s: string) => (quoted ? s : JSON.stringify(s));
  let options: Completion[];
  if (place.atKey) {
    const present = new Set(Object.keys((valueAt(doc, place.path) as object | undefined) ?? {}));
    options = keysAt(schema, place.path, doc)
      .filter((k) => !present.has(k.key) || k.key === place.typed)
      .map((k) => ({
        label: k.key,
        type: "property",
        detail: (k.required ? `${st(helpLocale, "help.required")} · ` : "") + (k.type ?? ""),
        info: helpText(k.description, helpLocale),
        boost: k.required ? 1 : 0,
        apply: quoted ? k.key : `${JSON.stringify(k.key)}: `,
      }));
  } else {
    const kind = idKindAt(place.path);
    const ids = kind ? idsFor(declaredIds(doc), kind, kind === "need" ? needOwnerAt(doc, place.path) : undefined) : [];
    options = [
      ...ids.map((d) => ({ label: d.id, type: "variable", detail: kindName(kind!) + (d.owner ? st(helpLocale, "help.of", { owner: d.owner }) : ""), info: d.hint, apply: wrap(d.id) })),
      ...valuesAt(schema, place.path, doc).map((v) => ({
        label: String(v),
        type: typeof v === "string" ? "enum" : "keyword",
        apply: typeof v === "string" ? wrap(v) : String(v),
      })),
    ];
  }
  if (!options.length) return null;
  return { from: place.from, options, validFor: /^[\w.-]*$/ };
}

function valueAt(doc: unknown, path: readonly PathSegment[]): unknown {
  let v = doc;
  for (const seg of path) {
    if (!v || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Hover: what the field under the pointer means, and for an id, what it names. */
const scenarioHover = hoverTooltip((view, pos) => {
  const text = view.state.doc.toString();
  const loc = getLocation(text, pos);
  if (!loc.path.length) return null;
  const path = [...loc.path] as PathSegment[];
  const doc = loose(text);
  const help = describeAt(schema, path, doc, helpLocale);
  const kind = idKindAt(path);
  const value = valueAt(doc, path);
  const named = kind && typeof value === "string" ? declaredIds(doc)[kind].find((d) => d.id === value) : undefined;
  if (!help && !named) return null;
  const word = view.state.wordAt(pos);
  return {
    pos: word?.from ?? pos,
    end: word?.to ?? pos,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "studio-hover";
      const title = document.createElement("strong");
      title.textContent = path.join(".");
      dom.append(title);
      for (const line of [help, named ? `${kindName(kind!)} "${named.id}": ${named.hint ?? ""}` : undefined]) {
        if (!line) continue;
        const p = document.createElement("p");
        p.textContent = line; // schema and file text are shown as text, never as HTML
        dom.append(p);
      }
      return { dom };
    },
  };
});

export interface ScenarioEditor {
  view: EditorView;
  text(): string;
  /** Replaces the whole text (a template or an opened file) as one undoable step. */
  setText(text: string): void;
  showProblems(problems: readonly PlacedProblem[]): void;
  /** Moves the cursor to an offset and scrolls it into view. */
  jump(from: number, to?: number): void;
  undo(): void;
  redo(): void;
  /** The language of hover help and completion details. */
  setLocale(locale: Locale): void;
}

/**
 * The editor's own look. It lives in a shadow root: there CodeMirror's styles go in as
 * constructed style sheets, which the site's Content-Security-Policy (style-src 'self')
 * allows; in the page itself they would be inline <style> elements, which it blocks.
 */
const look = EditorView.theme(
  {
    "&": { height: "100%", color: "#e9eef4", backgroundColor: "#0f1822" },
    ".cm-scroller": { fontFamily: "ui-monospace, 'Noto Sans Mono CJK SC', monospace", overflow: "auto" },
    ".cm-gutters": { backgroundColor: "#142030", color: "#7d93ab", borderRight: "1px solid #31475e" },
    ".cm-activeLine": { backgroundColor: "#17263a" },
    ".cm-activeLineGutter": { backgroundColor: "#1d2f45" },
    "&.cm-focused .cm-cursor": { borderLeftColor: "#f2c14e" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "#2c4866 !important" },
    ".cm-tooltip": { backgroundColor: "#172433", color: "#e9eef4", border: "1px solid #31475e" },
    ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "#2c4866", color: "#fff" },
    ".studio-hover": { maxWidth: "420px", padding: "4px 8px" },
    ".studio-hover p": { margin: "4px 0 0", whiteSpace: "pre-wrap" },
  },
  { dark: true },
);

export function createEditor(host: HTMLElement, initial: string, onChange: (text: string) => void): ScenarioEditor {
  const parent = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const view = new EditorView({
    parent,
    root: parent,
    doc: initial,
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      autocompletion({ override: [completeScenario], activateOnTyping: true }),
      scenarioHover,
      keymap.of([{ key: "Mod-s", preventDefault: true, run: () => (host.dispatchEvent(new CustomEvent("studio-save")), true) }]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      look,
    ],
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showProblems(problems) {
      const len = view.state.doc.length;
      const diagnostics: Diagnostic[] = problems.map((p) => ({
        from: Math.min(p.from, len),
        to: Math.min(Math.max(p.to, p.from), len),
        severity: p.severity === "acknowledged" ? "info" : p.severity,
        message: `${p.path}: ${p.message}`,
        source: "dealcraft",
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    jump(from, to = from) {
      const len = view.state.doc.length;
      view.dispatch({ selection: EditorSelection.range(Math.min(from, len), Math.min(to, len)), scrollIntoView: true });
      view.focus();
    },
    setLocale(locale) {
      helpLocale = locale;
    },
    undo: () => undo(view),
    redo: () => redo(view),
  };
}
