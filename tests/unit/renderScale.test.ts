import { describe, expect, it } from "vitest";
import { chooseRenderScale, sceneConfig, setRenderScale } from "../../src/game/renderScale.ts";

describe("render scale: the canvas covers the device pixels it is shown on", () => {
  it.each([
    ["a 1280×720 window on an ordinary screen", 1, 1280, 720, 1],
    ["a full-HD window", 1, 1920, 1080, 1.5],
    ["a Retina laptop window", 2, 1440, 900, 2],
    ["a 4K screen (capped: four times the pixels is enough)", 1, 3840, 2160, 2],
    ["a small window (never below the design size)", 1, 800, 450, 1],
    ["a phone in landscape", 3, 844, 390, 1.75],
    ["a tall window: the letterboxed height decides", 1, 1920, 720, 1],
  ])("%s", (_what, dpr, w, h, k) => {
    expect(chooseRenderScale(dpr, w, h)).toBe(k);
  });

  it("falls back to 1 for a window that reports no size", () => {
    expect(chooseRenderScale(1, 0, 0)).toBe(1);
    expect(chooseRenderScale(Number.NaN, 1280, 720)).toBe(1);
  });

  it("zooms each scene's camera so design pixels (0,0)–(1280,720) fill the canvas", () => {
    setRenderScale(1.5);
    const cam = sceneConfig("Meeting").cameras as { width: number; height: number; zoom: number; scrollX: number; scrollY: number };
    // Phaser zooms about the camera's centre: the world point at the centre is scroll + size / 2.
    expect(cam.scrollX + cam.width / 2).toBe(640);
    expect(cam.scrollY + cam.height / 2).toBe(360);
    // …and the visible world is the design size.
    expect(cam.width / cam.zoom).toBe(1280);
    expect(cam.height / cam.zoom).toBe(720);
    setRenderScale(1);
  });
});
