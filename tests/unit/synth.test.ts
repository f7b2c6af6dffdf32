import { describe, expect, it } from "vitest";
import { MUSIC_RATE, renderMusic, renderWav, SAMPLE_RATE, SOUNDS } from "../../src/audio/synth.ts";

describe("synthesised sounds", () => {
  it.each(Object.entries(SOUNDS))("%s renders a playable 16-bit mono WAV of the right length", (_name, spec) => {
    const wav = renderWav(spec);
    const v = new DataView(wav.buffer);
    const ascii = (at: number, n: number) => String.fromCharCode(...wav.slice(at, at + n));
    expect(ascii(0, 4)).toBe("RIFF");
    expect(ascii(8, 4)).toBe("WAVE");
    expect(v.getUint32(24, true)).toBe(SAMPLE_RATE);
    const samples = v.getUint32(40, true) / 2;
    expect(samples).toBe(Math.round((SAMPLE_RATE * spec.noteMs) / 1000) * spec.notes.length);
    let peak = 0;
    for (let i = 0; i < samples; i++) peak = Math.max(peak, Math.abs(v.getInt16(44 + i * 2, true)));
    expect(peak).toBeGreaterThan(1000); // audible
    expect(peak).toBeLessThanOrEqual(32767);
  });

  it("renders an eight-second music loop that starts and ends at silence, so it loops without a click", () => {
    const wav = renderMusic();
    const v = new DataView(wav.buffer);
    expect(v.getUint32(24, true)).toBe(MUSIC_RATE);
    const samples = v.getUint32(40, true) / 2;
    expect(samples).toBe(MUSIC_RATE * 8);
    expect(Math.abs(v.getInt16(44, true))).toBeLessThan(50);
    expect(Math.abs(v.getInt16(44 + (samples - 1) * 2, true))).toBeLessThan(50);
    let peak = 0;
    for (let i = 0; i < samples; i += 7) peak = Math.max(peak, Math.abs(v.getInt16(44 + i * 2, true)));
    expect(peak).toBeGreaterThan(3000);
    expect(peak).toBeLessThan(32767); // quiet, never clipping
  });
});
