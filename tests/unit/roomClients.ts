/** Simulated facilitator and trainees for the room server tests (socket.io-client in node). */
import { io, type Socket } from "socket.io-client";
import type { Ack, HostAction, RoomView, TallyUpdate, YouView } from "../../src/room/protocol.ts";

export function connect(url: string): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

export async function send<T = object>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return (await socket.timeout(5000).emitWithAck(event, payload)) as Ack<T>;
}

export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error}${ack.detail ? ` (${ack.detail})` : ""}`);
  return ack as T;
}

/** Resolves with the next event of that name that satisfies `test`. */
export function next<T>(socket: Socket, event: string, test: (v: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no matching "${event}" within ${ms} ms`));
    }, ms);
    const handler = (v: T) => {
      if (!test(v)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(v);
    };
    socket.on(event, handler);
  });
}

export class Facilitator {
  code = "";
  token = "";
  view!: RoomView;
  tally: TallyUpdate | null = null;

  private constructor(readonly socket: Socket) {
    socket.on("view", (v: RoomView) => {
      if (!this.view || v.rev >= this.view.rev) this.view = v;
    });
    socket.on("tally", (t: TallyUpdate) => {
      if (!this.tally || t.rev >= this.tally.rev) this.tally = t;
    });
  }

  static async create(url: string, room: { scenarioId: string; mode: string; timerSec?: number; teams?: string[] }): Promise<Facilitator> {
    const f = new Facilitator(await connect(url));
    const r = ok(await send<{ code: string; token: string; view: RoomView }>(f.socket, "host:create", { timerSec: 0, teams: [], showMoves: true, locale: "en", ...room }));
    f.code = r.code;
    f.token = r.token;
    f.view = r.view;
    return f;
  }

  /** Sends an action and waits for the view it causes. */
  async act(action: HostAction): Promise<RoomView> {
    const r = ok(await send<{ rev: number }>(this.socket, "host:action", { code: this.code, token: this.token, action }));
    // Views from other processes can arrive late: wait for the one this action made.
    await new Promise<void>((resolve, reject) => {
      const until = Date.now() + 5000;
      const check = () => (this.view.rev >= r.rev ? resolve() : Date.now() > until ? reject(new Error("no view after the action")) : setTimeout(check, 5));
      check();
    });
    return this.view;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export class Trainee {
  socket!: Socket;
  view: RoomView | null = null;
  you: YouView | null = null;

  constructor(
    readonly url: string,
    readonly code: string,
    readonly name: string,
    readonly clientId: string,
    readonly team: string | null = null,
  ) {}

  async join(): Promise<{ rejoined: boolean }> {
    this.socket = await connect(this.url);
    this.socket.on("view", (v: RoomView) => {
      if (!this.view || v.rev >= this.view.rev) this.view = v;
    });
    const r = ok(await send<{ rejoined: boolean; you: YouView; view: RoomView }>(this.socket, "join", { code: this.code, clientId: this.clientId, name: this.name, team: this.team }));
    this.you = r.you;
    this.view = r.view;
    return r;
  }

  async vote(option: string, round: number): Promise<Ack<{ you: YouView }>> {
    const ack = await send<{ you: YouView }>(this.socket, "vote", { round, option });
    if (ack.ok) this.you = ack.you;
    return ack;
  }

  drop(): void {
    this.socket.disconnect();
  }
}

export const clientIdFor = (i: number) => `client-${String(i).padStart(4, "0")}-${"x".repeat(12)}`;
