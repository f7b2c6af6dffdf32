/** Howler owns all sound (Phaser's audio is off). Volume and mute follow the store's settings. */
import { Howl, Howler } from "howler";
import type { AppStore } from "../store/index.ts";
import { renderWav, SOUNDS, wavDataUri, type SoundName } from "./synth.ts";

export interface Sound {
  play(name: SoundName): void;
}

export function createSound(store: AppStore): Sound {
  const howls = new Map<SoundName, Howl>();
  const get = (name: SoundName) => {
    let h = howls.get(name);
    if (!h) {
      h = new Howl({ src: [wavDataUri(renderWav(SOUNDS[name]))], format: ["wav"], preload: true });
      howls.set(name, h);
    }
    return h;
  };
  const apply = () => {
    const { volume, muted } = store.getState().settings;
    Howler.volume(volume);
    Howler.mute(muted);
  };
  apply();
  store.subscribe((s, prev) => {
    if (s.settings !== prev.settings) apply();
  });
  return {
    play(name) {
      get(name).play();
    },
  };
}
