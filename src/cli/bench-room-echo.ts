/**
 * The baseline for `npm run bench:room`: a bare Socket.IO server speaking the same events
 * with no rooms logic at all. A vote is acknowledged and echoed to the room's facilitator
 * at once; what the room server adds on top (validation, locking, the engine, views) is
 * the difference between the two.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const http = createServer();
const io = new Server(http, { transports: ["websocket"], serveClient: false });
let rooms = 0;

io.on("connection", (socket) => {
  let code = "";
  let pid = "";
  socket.on("host:create", (_msg: unknown, ack: (a: object) => void) => {
    code = `R${++rooms}`;
    void socket.join(`host:${code}`);
    ack({ ok: true, code, token: "x", view: { rev: 0, round: 0 } });
  });
  let round = 0;
  socket.on("host:action", (_msg: unknown, ack: (a: object) => void) => {
    const view = { rev: 0, round: ++round, phase: "voting" };
    io.to(`room:${code}`).emit("view", view);
    socket.emit("view", view);
    ack({ ok: true, rev: 0 });
  });
  socket.on("join", (msg: { code: string; clientId: string }, ack: (a: object) => void) => {
    code = msg.code;
    pid = msg.clientId;
    void socket.join(`room:${code}`);
    ack({ ok: true, you: { pid }, view: { rev: 0, round: 0 } });
  });
  socket.on("vote", (_msg: unknown, ack: (a: object) => void) => {
    io.to(`host:${code}`).emit("tally", { voted: [pid] });
    ack({ ok: true });
  });
});

http.listen(0, "127.0.0.1", () => console.log(`echo server: listening on http://127.0.0.1:${(http.address() as AddressInfo).port}`));
process.once("SIGTERM", () => process.exit(0));
