import { describe, expect, it } from "vitest";
import { fingerprint, RenderGate, type DrawnObject, type DrawnScene } from "../../src/game/renderGate.ts";

const camera = () => ({ x: 0, y: 0, width: 1280, height: 720, scrollX: 0, scrollY: 0, zoom: 1, rotation: 0, alpha: 1, visible: true });

function scene(objects: DrawnObject[], over: Partial<DrawnScene> = {}): DrawnScene {
  return { key: "Meeting", drawn: true, cameras: [camera()], objects, ...over };
}

const text = (over: Partial<DrawnObject> = {}): DrawnObject => ({
  visible: true, alpha: 1, x: 24, y: 400, scaleX: 1, scaleY: 1, rotation: 0, depth: 0, width: 300, height: 40,
  texture: { key: "text-1" }, frame: { name: "__BASE" }, text: "您好，我是华锐精密的周敏。", style: { color: "#f3f5f8", backgroundColor: null }, ...over,
});
const rect = (over: Partial<DrawnObject> = {}): DrawnObject => ({
  visible: true, alpha: 1, x: 24, y: 500, width: 860, height: 60, isFilled: true, fillColor: 0x1f3045, fillAlpha: 1, isStroked: true, strokeColor: 0x4d6b8a, strokeAlpha: 1, lineWidth: 2, ...over,
});

describe("fingerprint: a frame is redrawn exactly when what it shows changed", () => {
  it("is the same for the same picture, built from fresh objects", () => {
    expect(fingerprint([scene([text(), rect()])])).toBe(fingerprint([scene([text(), rect()])]));
  });

  it.each<[string, DrawnObject[]]>([
    ["the typewriter shows one more character", [text({ text: "您好，我是华锐精密的周敏" }), rect()]],
    ["the typewriter uncovers more of a line (it crops the drawn words)", [text({ isCropped: true, _crop: { cx: 0, cy: 0, cw: 120, ch: 40 } }), rect()]],
    ["a toast floats up 1 px", [text({ y: 399 }), rect()]],
    ["a toast fades a little", [text({ alpha: 0.9 }), rect()]],
    ["a meter's text turns red", [text({ style: { color: "#ff9b8f" } }), rect()]],
    ["the focused card gets its highlight", [text(), rect({ strokeColor: 0xf2c14e, lineWidth: 4 })]],
    ["a portrait's expression changes its texture", [text({ texture: { key: "text-2" } }), rect()]],
    ["an object is hidden", [text({ visible: false }), rect()]],
    ["an object is added", [text(), rect(), rect({ y: 580 })]],
    ["two objects swap drawing order", [rect(), text()]],
    ["a card is resized", [text(), rect({ height: 64 })]],
  ])("changes when %s", (_what, objects) => {
    expect(fingerprint([scene(objects)])).not.toBe(fingerprint([scene([text(), rect()])]));
  });

  it("sees the focus marker move: graphics commands are part of the picture", () => {
    const marker = (y: number): DrawnObject => ({ visible: true, alpha: 1, x: 0, y: 0, commandBuffer: [3, 0xf2c14e, 1, 10, 40, 10, y, 24, y + 10, "callback"] });
    expect(fingerprint([scene([marker(60)])])).not.toBe(fingerprint([scene([marker(120)])]));
    expect(fingerprint([scene([marker(60)])])).toBe(fingerprint([scene([marker(60)])]));
  });

  it("sees changes inside containers", () => {
    const box = (alpha: number): DrawnObject => ({ visible: true, x: 0, y: 0, list: [text({ alpha })] });
    expect(fingerprint([scene([box(1)])])).not.toBe(fingerprint([scene([box(0.5)])]));
  });

  it("ignores changes to hidden objects and to scenes that are not drawn", () => {
    const hidden = (y: number) => text({ visible: false, y });
    expect(fingerprint([scene([hidden(10)])])).toBe(fingerprint([scene([hidden(500)])]));
    const asleep = (t: string) => scene([text({ text: t })], { key: "Title", drawn: false });
    expect(fingerprint([scene([rect()]), asleep("a")])).toBe(fingerprint([scene([rect()]), asleep("b")]));
  });

  it("changes when the settings overlay opens over a scene, and when a camera fade runs", () => {
    const base = fingerprint([scene([rect()])]);
    expect(fingerprint([scene([rect()]), scene([rect({ fillAlpha: 0.82 })], { key: "Settings" })])).not.toBe(base);
    const fading = (progress: number) => scene([rect()], { cameras: [{ ...camera(), fadeEffect: { isRunning: true, progress } }] });
    expect(fingerprint([fading(0.2)])).not.toBe(fingerprint([fading(0.4)]));
  });

  it("ignores sub-pixel jitter below 1/256 px but not a visible step", () => {
    expect(fingerprint([scene([text({ x: 24 })])])).toBe(fingerprint([scene([text({ x: 24.0001 })])]));
    expect(fingerprint([scene([text({ x: 24 })])])).not.toBe(fingerprint([scene([text({ x: 24.5 })])]));
  });
});

describe("RenderGate", () => {
  it("draws the first frame, skips unchanged ones, and draws when the picture changes", () => {
    const gate = new RenderGate({ heartbeatMs: 1000 });
    expect(gate.shouldDraw(1, 0)).toBe(true);
    expect(gate.shouldDraw(1, 16)).toBe(false);
    expect(gate.shouldDraw(1, 33)).toBe(false);
    expect(gate.shouldDraw(2, 50)).toBe(true);
    expect(gate.shouldDraw(2, 66)).toBe(false);
    expect(gate.stats).toEqual({ drawn: 2, skipped: 3 });
  });

  it("draws after a poke (a resize or a restored context clears the canvas) and on the heartbeat", () => {
    const gate = new RenderGate({ heartbeatMs: 1000 });
    gate.shouldDraw(7, 0);
    gate.poke();
    expect(gate.shouldDraw(7, 16)).toBe(true);
    expect(gate.shouldDraw(7, 32)).toBe(false);
    expect(gate.shouldDraw(7, 1015)).toBe(false);
    expect(gate.shouldDraw(7, 1016)).toBe(true);
  });
});
