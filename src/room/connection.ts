/**
 * The pages' side of the session protocol: one Socket.IO connection (websocket only, so
 * any server process behind the address can take it), requests with acks and a timeout,
 * views kept in revision order, and reconnection as soon as a sleeping phone wakes.
 */
import { io, type Socket } from "socket.io-client";
import type { Ack, RoomView, TallyUpdate } from "./protocol.ts";

const REQUEST_MS = 8000;

export interface ConnectionEvents {
  /** Each (re)connection: the page joins or attaches again and gets a full snapshot. */
  connected(): void;
  disconnected(): void;
  view(view: RoomView): void;
  tally(tally: TallyUpdate): void;
  kicked(): void;
}

export class RoomConnection {
  readonly socket: Socket;
  private rev = -1;
  /** Server clock minus ours, from the last view (for countdowns). */
  private skew = 0;

  constructor(private readonly events: ConnectionEvents) {
    this.socket = io({ transports: ["websocket"], reconnectionDelay: 500, reconnectionDelayMax: 4000, timeout: 8000 });
    this.socket.on("connect", () => events.connected());
    this.socket.on("disconnect", (reason) => {
      events.disconnected();
      // The server hung up on purpose only when removing someone; otherwise come back.
      if (reason === "io server disconnect") return;
    });
    this.socket.on("view", (v: RoomView) => this.acceptView(v));
    this.socket.on("tally", (t: TallyUpdate) => {
      if (t.rev >= this.rev) events.tally(t);
    });
    this.socket.on("kicked", () => events.kicked());
    // A phone that slept has often lost its socket without noticing: reconnect on waking.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && !this.socket.connected) this.socket.connect();
    });
    window.addEventListener("online", () => {
      if (!this.socket.connected) this.socket.connect();
    });
  }

  /** Takes a view unless a newer one has already arrived (views can cross between server processes). */
  acceptView(v: RoomView): void {
    if (v.rev < this.rev) return;
    this.rev = v.rev;
    this.skew = v.serverNow - Date.now();
    this.events.view(v);
  }

  /** Milliseconds left on the vote, by the server's clock. */
  remaining(view: RoomView): number | null {
    if (view.deadline === null) return view.remainingMs;
    return Math.max(0, view.deadline - (Date.now() + this.skew));
  }

  async request<T = object>(event: string, payload: unknown): Promise<Ack<T>> {
    try {
      return (await this.socket.timeout(REQUEST_MS).emitWithAck(event, payload)) as Ack<T>;
    } catch {
      return { ok: false, error: "server", detail: "no answer" };
    }
  }

  /** A new room (or rejoining one after a reload): forget the old revision. */
  reset(): void {
    this.rev = -1;
  }
}
