/**
 * Each key event reaches each scene once.
 *
 * Phaser's keyboard plugin handles its whole queue again at every DOM key event until the
 * frame ends, and its duplicate check compares with the last event only. Two keys within
 * one frame (a quick "N L", or any two keys on a slow phone) so handle the first key's
 * keydown again: note-taking switched on and straight off, or a number key choosing an
 * option at the next decision too. Measured: keydown N, keyup N, keydown L, keyup L in one
 * task toggled notes three times and moved the posture twice.
 *
 * The keyboard manager pushes an event and processes at once, so the event that started a
 * pass is the newest in the queue; the older ones had their own pass, when every scene then
 * running saw them. A pass here handles that newest event only.
 *
 * No Phaser import: the plugin's prototype is handed in, so this is tested in node.
 */

/** What the patch needs of Phaser's KeyboardPlugin: the manager's queue and the method that handles it. */
export interface KeyQueueHandler {
  manager: { queue: unknown[] } | null;
  update(): void;
}

const patched = new WeakSet<object>();

/** Patches the keyboard plugin's prototype (before any scene starts: each plugin registers `update` when it starts). */
export function deliverEachKeyOnce(proto: KeyQueueHandler): void {
  if (patched.has(proto)) return;
  patched.add(proto);
  const handleQueue = proto.update;
  proto.update = function (this: KeyQueueHandler) {
    const manager = this.manager;
    const queue = manager?.queue;
    if (!manager || !queue || queue.length <= 1) return handleQueue.call(this);
    manager.queue = queue.slice(-1);
    try {
      handleQueue.call(this);
    } finally {
      manager.queue = queue;
    }
  };
}
