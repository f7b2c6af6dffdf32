/**
 * The facilitator's page (on the laptop, shown on the projector): set up a session, show
 * the room code and QR code, pace the decisions, and end with the session debrief and its
 * exports. The facilitator token stays in this browser's storage, so a reload (or another
 * server process) takes the facilitator back to the room.
 */
import "../room.css";
import type { Locale } from "../../engine/vocabulary.ts";
import type { CreateRoom, HostAction, RoomView, ServerInfo } from "../protocol.ts";
import { RoomConnection } from "../connection.ts";
import { fill, h } from "../dom.ts";
import { initialLocale, otherLocale, refusalText, rt, safeStorage, saveLocale } from "../i18n.ts";
import { renderSetup } from "./setup.ts";
import { renderLive } from "./live.ts";
import { renderHostDebrief } from "./debrief.ts";
import { topBar } from "../pieces.ts";

const ROOM_KEY = "dealcraft.room.host";

interface HostSeat {
  code: string;
  token: string;
}

export interface HostContext {
  locale: Locale;
  info: ServerInfo | null;
  view: RoomView | null;
  seat: HostSeat | null;
  voted: Set<string>;
  act(action: HostAction): Promise<void>;
  create(room: CreateRoom): Promise<void>;
  resume(): void;
  leave(): void;
  exportFile(kind: "csv" | "json"): Promise<void>;
  remaining(): number | null;
  redraw(): void;
}

function savedSeat(): HostSeat | null {
  try {
    const s = JSON.parse(safeStorage()?.getItem(ROOM_KEY) ?? "null") as Partial<HostSeat> | null;
    return s && typeof s.code === "string" && typeof s.token === "string" ? { code: s.code, token: s.token } : null;
  } catch {
    return null;
  }
}

const root = document.getElementById("app")!;
let connected = false;
let error = "";
let offline = false;
/** A room from an earlier visit: offered on the setup screen, attached only when asked. */
let previous = savedSeat();

const ctx: HostContext = {
  locale: initialLocale(),
  info: null,
  view: null,
  seat: null,
  voted: new Set(),
  async act(action) {
    if (!ctx.seat) return;
    const ack = await conn.request("host:action", { code: ctx.seat.code, token: ctx.seat.token, action });
    error = ack.ok ? "" : refusalText(ctx.locale, ack.error);
    render();
  },
  async create(room) {
    const ack = await conn.request<{ code: string; token: string; view: RoomView }>("host:create", room);
    if (!ack.ok) {
      error = refusalText(ctx.locale, ack.error) + (ack.detail ? ` (${ack.detail})` : "");
      return render();
    }
    error = "";
    ctx.seat = { code: ack.code, token: ack.token };
    previous = ctx.seat;
    safeStorage()?.setItem(ROOM_KEY, JSON.stringify(ctx.seat));
    conn.reset();
    conn.acceptView(ack.view);
  },
  resume() {
    ctx.seat = previous;
    void attach();
  },
  leave() {
    ctx.seat = null;
    ctx.view = null;
    previous = null;
    safeStorage()?.removeItem(ROOM_KEY);
    conn.reset();
    render();
  },
  async exportFile(kind) {
    if (!ctx.seat) return;
    const res = await fetch(`./api/rooms/${ctx.seat.code}/export.${kind}`, { headers: { Authorization: `Bearer ${ctx.seat.token}` } });
    if (!res.ok) {
      error = refusalText(ctx.locale, res.status === 404 ? "no-room" : "forbidden");
      return render();
    }
    const url = URL.createObjectURL(await res.blob());
    const a = h("a", { href: url, download: `dealcraft-${ctx.seat.code}.${kind}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  remaining() {
    return ctx.view ? conn.remaining(ctx.view) : null;
  },
  redraw: () => render(),
};

const conn = new RoomConnection({
  connected() {
    connected = true;
    if (ctx.seat) void attach();
    else render();
  },
  disconnected() {
    connected = false;
    render();
  },
  view(v) {
    if (v.round !== ctx.view?.round) ctx.voted = new Set();
    ctx.view = v;
    for (const p of v.participants ?? []) if (p.voted) ctx.voted.add(p.pid);
    render();
  },
  tally(t) {
    if (!ctx.view || t.round !== ctx.view.round) return;
    ctx.view.tracks.forEach((tr, i) => (tr.votes = t.votes[i] ?? tr.votes));
    ctx.voted = new Set(t.voted ?? []);
    render();
  },
  kicked() {},
});

async function attach(): Promise<void> {
  if (!ctx.seat) return;
  const ack = await conn.request<{ view: RoomView }>("host:attach", ctx.seat);
  if (!ack.ok) {
    error = refusalText(ctx.locale, ack.error);
    if (ack.error === "no-room" || ack.error === "forbidden") ctx.leave();
    return render();
  }
  error = "";
  conn.acceptView(ack.view);
}

async function loadInfo(): Promise<void> {
  try {
    const res = await fetch("./api/info");
    if (!res.ok) throw new Error(String(res.status));
    ctx.info = (await res.json()) as ServerInfo;
    offline = false;
  } catch {
    offline = true;
  }
  render();
}

function render(): void {
  const L = ctx.locale;
  const header = topBar(L, switchLocale, ctx.view?.code);
  const notices = [
    offline ? h("p", { class: "error", role: "alert" }, rt(L, "app.no-server")) : null,
    !connected && !offline && ctx.seat ? h("p", { class: "banner", role: "status" }, rt(L, "app.reconnecting")) : null,
    error ? h("p", { class: "error", role: "alert" }, error) : null,
  ];
  let body: HTMLElement;
  if (!ctx.view || !ctx.seat) body = renderSetup(ctx, previous, connected);
  else if (ctx.view.phase === "debrief") body = renderHostDebrief(ctx, ctx.view);
  else body = renderLive(ctx, ctx.view);
  fill(root, header, ...notices, body);
}

function switchLocale(): void {
  ctx.locale = otherLocale(ctx.locale);
  saveLocale(ctx.locale);
  render();
}

// The countdown moves by itself between server messages.
setInterval(() => {
  const v = ctx.view;
  if (v?.phase !== "voting" || v.deadline === null) return;
  const el = document.querySelector(".countdown .seconds");
  if (el) el.textContent = rt(ctx.locale, "join.seconds", { n: Math.ceil((conn.remaining(v) ?? 0) / 1000) });
  const fill = document.querySelector<HTMLElement>(".countdown .meter");
  if (fill && v.timerSec) fill.style.setProperty("--share", `${(100 * (conn.remaining(v) ?? 0)) / (v.timerSec * 1000)}%`);
}, 250);

render();
void loadInfo();
