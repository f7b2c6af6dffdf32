/**
 * The scenario map: the graph laid out by dagre (stages and meetings as nested groups,
 * top to bottom) and drawn as SVG. Endings are marked by outcome, broken links are red and
 * dashed, jumps never taken grey and dotted, unreachable nodes grey, nodes no simulated policy reached dimmed. Clicking a
 * node calls `onPick` (the studio jumps to its source). All text goes in as text nodes.
 */
import dagre from "@dagrejs/dagre";
import type { ScenarioGraph } from "./graph.ts";

const SVG = "http://www.w3.org/2000/svg";
const NODE_W = 170;
const NODE_H = 46;

export interface MapLabels {
  start: string;
  broken: string;
  unreachable: string;
  unvisited: string;
  /** A jump that is written but never taken. */
  lost: string;
  stage: (id: string) => string;
  meeting: (id: string) => string;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.append(e);
  return e;
}

/** Cuts `s` to `columns` (a CJK or full-width character takes two), ending with "…" when cut. */
function clip(s: string, columns: number): string {
  const chars = [...s];
  const width = (c: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1);
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += width(chars[i]!);
    if (used > columns) return chars.slice(0, Math.max(0, i - 1)).join("") + "…";
  }
  return s;
}

/**
 * Draws `graph` into `host` (replacing what was there). `visited` is the set of nodes the
 * balance runs reached, when known. Returns the SVG for tests and screenshots.
 */
export function drawMap(host: HTMLElement, graph: ScenarioGraph, labels: MapLabels, onPick: (key: string) => void, visited?: ReadonlySet<string>): SVGSVGElement {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 40, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const clusters = new Set<string>();
  for (const n of graph.nodes) {
    g.setNode(n.key, { width: NODE_W, height: NODE_H });
    const stage = n.stage ? `stage:${n.stage}` : undefined;
    if (stage && !clusters.has(stage)) {
      clusters.add(stage);
      g.setNode(stage, { label: labels.stage(n.stage!), paddingTop: 28 });
    }
    if (n.meeting) {
      const meeting = `meeting:${n.stage ?? "-"}:${n.meeting}`;
      if (!clusters.has(meeting)) {
        clusters.add(meeting);
        g.setNode(meeting, { label: labels.meeting(n.meeting) });
        if (stage) g.setParent(meeting, stage);
      }
      g.setParent(n.key, meeting);
    } else if (stage) g.setParent(n.key, stage);
  }
  const missing = new Set<string>();
  graph.edges.forEach((e, i) => {
    if (e.broken && !missing.has(e.to)) {
      missing.add(e.to);
      g.setNode(`missing:${e.to}`, { width: NODE_W, height: NODE_H });
    }
    g.setEdge(e.from, e.broken ? `missing:${e.to}` : e.to, {}, String(i));
  });
  dagre.layout(g);

  const box = g.graph();
  const width = Math.max(200, box.width ?? 200);
  const height = Math.max(120, box.height ?? 120);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "studio-map", role: "img" });
  const defs = el("defs", {}, svg);
  for (const [id, color] of [["arrow", "#7d93ab"], ["arrow-broken", "#e5534b"]] as const) {
    const marker = el("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: color }, marker);
  }
  // Groups first (stages under meetings), so nodes and edges draw on top.
  const groups = [...clusters].sort((a, b) => (a.startsWith("stage:") ? 0 : 1) - (b.startsWith("stage:") ? 0 : 1));
  for (const c of groups) {
    const n = g.node(c);
    if (!n || n.x === undefined || n.y === undefined) continue;
    const isStage = c.startsWith("stage:");
    const grp = el("g", { class: isStage ? "map-stage" : "map-meeting" }, svg);
    el("rect", { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height, rx: 10 }, grp);
    el("text", { x: n.x - n.width / 2 + 10, y: n.y - n.height / 2 + 16 }, grp).textContent = String(n.label ?? "");
  }
  graph.edges.forEach((e, i) => {
    const edge = g.edge({ v: e.from, w: e.broken ? `missing:${e.to}` : e.to, name: String(i) });
    if (!edge?.points?.length) return;
    const d = edge.points.map((p: { x: number; y: number }, k: number) => `${k ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
    const path = el("path", { d, class: `map-edge${e.broken ? " broken" : ""}${e.lost ? " lost" : ""}`, "marker-end": `url(#${e.broken ? "arrow-broken" : "arrow"})` }, svg);
    const route = e.option ? `${e.from} → ${e.option} → ${e.to}` : `${e.from} → ${e.to}`;
    el("title", {}, path).textContent = e.lost ? `${route} · ${labels.lost}` : route;
  });
  const nodes = [...graph.nodes.map((n) => ({ key: n.key, node: n })), ...[...missing].map((id) => ({ key: `missing:${id}`, node: undefined }))];
  for (const { key, node } of nodes) {
    const n = g.node(key);
    if (!n || n.x === undefined || n.y === undefined) continue;
    const classes = ["map-node"];
    if (!node) classes.push("missing");
    else {
      classes.push(node.kind === "ending" ? `ending outcome-${node.outcome ?? "unknown"}` : node.options ? "choice" : "line");
      if (!node.reachable) classes.push("unreachable");
      else if (visited && node.kind === "node" && !visited.has(node.id)) classes.push("unvisited");
      if (node.key === graph.start) classes.push("start");
    }
    const grp = el("g", { class: classes.join(" "), "data-key": key, tabindex: 0 }, svg);
    const x = n.x - NODE_W / 2;
    const y = n.y - NODE_H / 2;
    el("rect", { x, y, width: NODE_W, height: NODE_H, rx: node?.kind === "ending" ? 22 : 6 }, grp);
    // The title (in the studio's language) first, the id beneath it: authors think in scenes, the file in ids.
    const title = node ? (node.kind === "ending" ? `■ ${node.label}` : node.label) : `✕ ${key.slice(8)}`;
    el("text", { x: x + 8, y: y + 18, class: "map-label" }, grp).textContent = clip(title, 24);
    const sub = node ? node.id : labels.broken;
    el("text", { x: x + 8, y: y + 36, class: "map-id" }, grp).textContent = clip(sub, 26);
    const tips = [node ? `${node.label} (${node.id})` : labels.broken];
    if (node && !node.reachable) tips.push(labels.unreachable);
    if (node?.key === graph.start) tips.push(labels.start);
    if (classes.includes("unvisited")) tips.push(labels.unvisited);
    el("title", {}, grp).textContent = tips.join(" · ");
    if (node) {
      grp.addEventListener("click", () => onPick(node.key));
      grp.addEventListener("keydown", (ev) => {
        if ((ev as KeyboardEvent).key === "Enter") onPick(node.key);
      });
    }
  }
  host.replaceChildren(svg);
  return svg;
}
