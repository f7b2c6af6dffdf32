/**
 * Howler owns all sound (Phaser's audio is off). Effects and the music loop are
 * synthesised in code on first use, so nothing sound-related loads before the title.
 * Music starts after the player's first gesture, as browsers require. Volumes and mute
 * follow the store's settings; every play is logged (tests read the log).
 */
import { Howl, Howler } from "howler";
import type { AppStore } from "../store/index.ts";
import { renderMusic, renderWav, SOUNDS, type SoundName } from "./synth.ts";

export interface Sound {
  play(name: SoundName): void;
  /** Starts the background loop (idempotent); called on the first gesture. */
  startMusic(): void;
  /** Sounds that actually started playing (Howler's "play" events), and failures. */
  readonly log: string[];
}

function blobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: "audio/wav" }));
}

export function createSound(store: AppStore): Sound {
  const log: string[] = [];
  const effects = new Map<SoundName, Howl>();
  let music: Howl | null = null;
  const settings = () => store.getState().settings;
  const watch = (h: Howl, name: string) => {
    h.on("play", () => log.push(name));
    h.on("playerror", (_id, err) => log.push(`error:${name}:${String(err)}`));
    h.on("loaderror", (_id, err) => log.push(`error:${name}:${String(err)}`));
    return h;
  };
  const effect = (name: SoundName) => {
    let h = effects.get(name);
    if (!h) {
      h = watch(new Howl({ src: [blobUrl(renderWav(SOUNDS[name]))], format: ["wav"], volume: settings().effectsVolume }), name);
      effects.set(name, h);
    }
    return h;
  };
  // Howler creates its AudioContext on first use; touching it only when sound is first
  // needed keeps that cost (up to ~50 ms) out of start-up.
  let ready = false;
  const apply = () => {
    if (!ready) return;
    const s = settings();
    Howler.mute(s.muted);
    for (const h of effects.values()) h.volume(s.effectsVolume);
    music?.volume(s.musicVolume);
  };
  const wake = () => {
    if (ready) return;
    ready = true;
    apply();
  };
  store.subscribe((s, prev) => {
    if (s.settings !== prev.settings) apply();
  });
  return {
    log,
    play(name) {
      wake();
      if (settings().effectsVolume > 0) effect(name).play();
    },
    startMusic() {
      wake();
      if (music) return;
      music = watch(new Howl({ src: [blobUrl(renderMusic())], format: ["wav"], loop: true, volume: settings().musicVolume }), "music");
      music.play();
    },
  };
}
