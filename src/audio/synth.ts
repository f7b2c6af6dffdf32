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

/** Encodes mono samples in -1..1 as a 16-bit PCM WAV file (RIFF header + data). */
export function encodeWav(pcm: Float32Array, rate: number): Uint8Array {
  const n = pcm.length;
  const bytes = new Uint8Array(44 + n * 2);
  const v = new DataView(bytes.buffer);
  const ascii = (at: number, str: string) => [...str].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  v.setUint32(4, 36 + n * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, "data");
  v.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) v.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, pcm[i]!)) * 32767), true);
  return bytes;
}

/** Renders a tone to a complete WAV file. */
export function renderWav(spec: ToneSpec): Uint8Array {
  const perNote = Math.round((SAMPLE_RATE * spec.noteMs) / 1000);
  const pcm = new Float32Array(perNote * spec.notes.length);
  spec.notes.forEach((freq, k) => {
    for (let i = 0; i < perNote; i++) {
      // Quick attack, exponential decay: a soft click rather than a harsh beep.
      const env = Math.min(1, i / 40) * Math.exp((-4 * i) / perNote);
      pcm[k * perNote + i] = sample(spec.wave, (freq * i) / SAMPLE_RATE) * env * spec.gain;
    }
  });
  return encodeWav(pcm, SAMPLE_RATE);
}

/** The game's sound effects, as tone specs (frequencies in Hz). */
export const SOUNDS = {
  /** Moving the focus, toggling a setting. */
  move: { notes: [660], noteMs: 40, wave: "triangle", gain: 0.25 },
  /** Choosing an option. */
  confirm: { notes: [523, 784], noteMs: 70, wave: "triangle", gain: 0.35 },
  /** A move scored well. */
  good: { notes: [659, 988], noteMs: 90, wave: "sine", gain: 0.35 },
  /** A move cost points. */
  bad: { notes: [330, 262], noteMs: 120, wave: "triangle", gain: 0.35 },
  /** The deal moved to the next pipeline stage. */
  stage: { notes: [523, 659, 784, 1047, 784, 1047], noteMs: 110, wave: "triangle", gain: 0.4 },
  /** A competitor made a move. */
  alert: { notes: [880, 622, 880, 622], noteMs: 90, wave: "square", gain: 0.18 },
  /** Ending jingles. */
  win: { notes: [523, 659, 784, 1047, 1319], noteMs: 140, wave: "sine", gain: 0.4 },
  lose: { notes: [392, 349, 311, 262], noteMs: 180, wave: "triangle", gain: 0.35 },
} satisfies Record<string, ToneSpec>;
export type SoundName = keyof typeof SOUNDS;

/** Sample rate of the music loop (lower than effects: it is soft pads). */
export const MUSIC_RATE = 16000;

/**
 * The quiet background loop: four chords (C, Am, F, G) of two seconds each as soft sine
 * pads with a gentle plucked arpeggio, rendered to WAV bytes. Loops seamlessly: every
 * chord fades in and out inside its own two seconds.
 */
export function renderMusic(): Uint8Array {
  const chords = [
    [261.63, 329.63, 392.0],
    [220.0, 261.63, 329.63],
    [174.61, 220.0, 261.63],
    [196.0, 246.94, 293.66],
  ];
  const perChord = MUSIC_RATE * 2;
  const n = perChord * chords.length;
  const pcm = new Float32Array(n);
  chords.forEach((chord, c) => {
    const base = c * perChord;
    for (let i = 0; i < perChord; i++) {
      const t = i / MUSIC_RATE;
      const fade = Math.min(1, i / 3000, (perChord - i) / 3000);
      let v = 0;
      for (const f of chord) v += Math.sin(2 * Math.PI * f * t) * 0.12;
      v += Math.sin(2 * Math.PI * (chord[0]! / 2) * t) * 0.1; // bass
      // Arpeggio: eighth notes through the chord, one octave up, plucked.
      const step = Math.floor(t / 0.25);
      const local = t - step * 0.25;
      const note = chord[step % chord.length]! * 2;
      v += Math.sin(2 * Math.PI * note * local) * Math.exp(-local * 14) * 0.1;
      pcm[base + i] = v * fade;
    }
  });
  return encodeWav(pcm, MUSIC_RATE);
}
