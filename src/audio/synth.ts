/**
 * Sound effects synthesised in code (no downloaded assets): short tones rendered to
 * 16-bit mono WAV bytes. Pure, so the byte layout is unit-tested.
 */
export interface ToneSpec {
  /** Frequencies in Hz played one after another (an arpeggio), each for `noteMs`. */
  notes: number[];
  noteMs: number;
  wave: "sine" | "square" | "triangle";
  /** Peak amplitude, 0..1. */
  gain: number;
}

export const SAMPLE_RATE = 22050;

function sample(wave: ToneSpec["wave"], phase: number): number {
  const x = phase % 1;
  if (wave === "square") return x < 0.5 ? 1 : -1;
  if (wave === "triangle") return 1 - 4 * Math.abs(x - 0.5);
  return Math.sin(2 * Math.PI * x);
}

/** Renders a tone to a complete WAV file (RIFF header + PCM data). */
export function renderWav(spec: ToneSpec): Uint8Array {
  const perNote = Math.round((SAMPLE_RATE * spec.noteMs) / 1000);
  const n = perNote * spec.notes.length;
  const bytes = new Uint8Array(44 + n * 2);
  const v = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  v.setUint32(4, 36 + n * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, SAMPLE_RATE, true);
  v.setUint32(28, SAMPLE_RATE * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, "data");
  v.setUint32(40, n * 2, true);
  spec.notes.forEach((freq, k) => {
    for (let i = 0; i < perNote; i++) {
      const t = i / SAMPLE_RATE;
      // Quick attack, exponential decay: a soft click rather than a harsh beep.
      const env = Math.min(1, i / 40) * Math.exp((-4 * i) / perNote);
      const s = sample(spec.wave, freq * t) * env * spec.gain;
      v.setInt16(44 + (k * perNote + i) * 2, Math.round(Math.max(-1, Math.min(1, s)) * 32767), true);
    }
  });
  return bytes;
}

export function wavDataUri(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return "data:audio/wav;base64," + btoa(bin);
}

/** The game's interface sounds. */
export const SOUNDS = {
  move: { notes: [660], noteMs: 40, wave: "triangle", gain: 0.25 },
  confirm: { notes: [523, 784], noteMs: 70, wave: "triangle", gain: 0.35 },
  end: { notes: [523, 659, 784, 1047], noteMs: 120, wave: "sine", gain: 0.4 },
} satisfies Record<string, ToneSpec>;
export type SoundName = keyof typeof SOUNDS;
