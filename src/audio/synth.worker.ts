/** Synthesises every effect and the music loop off the main thread (about 20 ms of work). */
import { renderMusic, renderWav, SOUNDS, type SoundName } from "./synth.ts";

export interface RenderedSounds {
  effects: Record<SoundName, Uint8Array>;
  music: Uint8Array;
}

self.onmessage = () => {
  const effects = {} as Record<SoundName, Uint8Array>;
  for (const name of Object.keys(SOUNDS) as SoundName[]) effects[name] = renderWav(SOUNDS[name]);
  const music = renderMusic();
  const result: RenderedSounds = { effects, music };
  (self as unknown as Worker).postMessage(result, [music.buffer, ...Object.values(effects).map((b) => b.buffer)]);
};
