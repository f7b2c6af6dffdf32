import { describe, expect, it } from "vitest";
import { deliverEachKeyOnce, type KeyQueueHandler } from "../../src/game/keysOnce.ts";

interface Key {
  type: "keydown" | "keyup";
  key: string;
  timeStamp: number;
}

/**
 * A scene's keyboard as Phaser 4 runs it (input/keyboard/KeyboardPlugin.js `update`): the
 * whole queue at every pass, skipping an event only when it equals the last one handled.
 */
class SceneKeyboard implements KeyQueueHandler {
  handled: string[] = [];
  private prev: Key | null = null;
  constructor(public manager: { queue: Key[] }) {}
  update(): void {
    for (const e of this.manager.queue) {
      if (this.prev && e.key === this.prev.key && e.timeStamp === this.prev.timeStamp && e.type === this.prev.type) continue;
      this.prev = e;
      if (e.type === "keydown") this.handled.push(e.key);
    }
  }
}

/** The keyboard manager: each DOM event is queued, then every scene's keyboard runs; the queue empties at the frame's end. */
function frame(keyboards: SceneKeyboard[], manager: { queue: Key[] }, keys: string[]): void {
  let t = 0;
  for (const key of keys)
    for (const type of ["keydown", "keyup"] as const) {
      manager.queue.push({ type, key, timeStamp: ++t });
      for (const k of keyboards) k.update();
    }
  manager.queue = [];
}

describe("each key event reaches each scene once", () => {
  it("N then L in one frame: Phaser alone handles N three times and L twice; patched, once each", () => {
    const manager = { queue: [] as Key[] };
    const plain = new SceneKeyboard(manager);
    frame([plain], manager, ["n", "l"]);
    expect(plain.handled).toEqual(["n", "n", "l", "n", "l"]);

    class Patched extends SceneKeyboard {}
    deliverEachKeyOnce(Patched.prototype);
    const meeting = new Patched(manager);
    const map = new Patched(manager);
    frame([meeting, map], manager, ["n", "l", "1"]);
    expect(meeting.handled).toEqual(["n", "l", "1"]);
    expect(map.handled).toEqual(["n", "l", "1"]);
    frame([meeting], manager, ["Escape"]);
    expect(meeting.handled).toEqual(["n", "l", "1", "Escape"]);
  });

  it("leaves the queue whole for the frame's end, and patches a prototype only once", () => {
    const manager = { queue: [] as Key[] };
    class Patched extends SceneKeyboard {}
    deliverEachKeyOnce(Patched.prototype);
    deliverEachKeyOnce(Patched.prototype);
    const k = new Patched(manager);
    manager.queue.push({ type: "keydown", key: "a", timeStamp: 1 }, { type: "keydown", key: "b", timeStamp: 2 });
    k.update();
    expect(k.handled).toEqual(["b"]);
    expect(manager.queue.map((e) => e.key)).toEqual(["a", "b"]);
  });
});
