/**
 * Howler owns all sound (Phaser's audio is off). Effects and the music loop are
 * synthesised in code, so nothing sound-related loads before the title. Once the title
 * is on screen, `prepare()` renders them in a worker and hands them to Howler, whose
 * AudioContext waits, suspended, for the player's first gesture (browsers require one):
 * the first key press then only has to play. Volumes and mute follow the store's
 * settings; every play is logged (tests read the log). Howler itself (10 KB gzip) loads
 * after the title too.
 */
type HowlerModule = typeof import("howler");
import type { Howl } from "howler";
import type { AppStore } from "../store/index.ts";
import { renderMusic, renderWav, SOUNDS, type SoundName } from "./synth.ts";
import type { RenderedSounds } from "./synth.worker.ts";

export interface Sound {
  play(name: SoundName): void;
  /** Starts the background loop (idempotent); called on the first gesture. It plays as soon as it is rendered. */
  startMusic(): void;
  /** Renders the sounds off the main thread and loads them into Howler (idempotent); called once the title shows. Resolves when done. */
  prepare(): Promise<void>;
  /** Sounds that actually started playing (Howler's "play" events), and failures. */
  readonly log: string[];
}

function blobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: "audio/wav" }));
}

/** Runs each function in a task of its own, in order. */
function inTasks(fns: Array<() => void>): void {
  const [first, ...rest] = fns;
  if (!first) return;
  setTimeout(() => {
    first();
    inTasks(rest);
  }, 0);
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
  /** Rendered bytes from the worker, once they arrive; until then effects render on demand (under a millisecond each). */
  let rendered: RenderedSounds | null = null;
  let preparing = false;
  let musicWanted = false;
  let prepared: Promise<void> = Promise.resolve();
  let howler: HowlerModule | null = null;
  let howlerLoading: Promise<HowlerModule> | null = null;
  const loadHowler = () =>
    (howlerLoading ??= import("howler").then((m) => {
      howler = m;
      return m;
    }));
  /** Runs `fn` now if Howler has loaded, or once it has. */
  const withHowler = (fn: (m: HowlerModule) => void) => {
    if (howler) fn(howler);
    else void loadHowler().then(fn, (e: unknown) => log.push(`error:howler:${String(e)}`));
  };
  const effect = (name: SoundName) => {
    const { Howl } = howler!;
    let h = effects.get(name);
    if (!h) {
      h = watch(new Howl({ src: [blobUrl(rendered?.effects[name] ?? renderWav(SOUNDS[name]))], format: ["wav"], volume: settings().effectsVolume }), name);
      effects.set(name, h);
    }
    return h;
  };
  const createMusic = (bytes: Uint8Array) => {
    const { Howl } = howler!;
    music = watch(new Howl({ src: [blobUrl(bytes)], format: ["wav"], loop: true, volume: settings().musicVolume }), "music");
    music.play(); // queued by Howler until it has decoded and the context is unlocked
  };
  // Howler creates its AudioContext on first use (wake): behind the title in prepare(), or
  // on the first sound if that comes sooner; never during start-up.
  let ready = false;
  const apply = () => {
    if (!ready || !howler) return;
    const s = settings();
    howler.Howler.mute(s.muted);
    for (const h of effects.values()) h.volume(s.effectsVolume);
    music?.volume(s.musicVolume);
  };
  const wake = () => {
    if (ready) return;
    ready = true;
    // The first AudioContext of a browser session starts its audio service: 45-80 ms,
    // in one call nothing can split. Measured so bench:startup can name it.
    performance.mark("sound:context");
    apply();
    performance.measure("sound: first AudioContext", "sound:context");
  };
  /** Starts the loop from `bytes` once Howler is there (no-op if it already plays). */
  const startLoop = (bytes: Uint8Array) =>
    withHowler(() => {
      wake();
      if (!music) createMusic(bytes);
    });
  store.subscribe((s, prev) => {
    if (s.settings !== prev.settings) apply();
  });
  return {
    log,
    play(name) {
      if (settings().effectsVolume <= 0) return;
      if (ready && howler) effect(name).play();
      // The very first sound creates the AudioContext (tens of ms): in a task of its own,
      // not in the key handler that also changes the scene.
      else
        withHowler(() =>
          setTimeout(() => {
            wake();
            effect(name).play();
          }, 0),
        );
    },
    startMusic() {
      musicWanted = true;
      if (music) return;
      if (rendered) startLoop(rendered.music);
      else if (typeof Worker === "undefined") startLoop(renderMusic());
      else void this.prepare(); // starts once rendered
    },
    prepare() {
      if (preparing || rendered || typeof Worker === "undefined") return prepared;
      preparing = true;
      let resolve!: () => void;
      prepared = new Promise<void>((r) => (resolve = r));
      const worker = new Worker(new URL("./synth.worker.ts", import.meta.url), { type: "module" });
      const done = () => {
        worker.terminate();
        preparing = false;
      };
      void loadHowler().catch(() => {}); // in parallel with the synthesis
      worker.onmessage = async (ev: MessageEvent<RenderedSounds>) => {
        done();
        const sounds = ev.data;
        rendered = sounds;
        try {
          await loadHowler();
        } catch {
          resolve();
          return;
        }
        // One small task each: the AudioContext, then each sound handed to Howler to decode
        // ahead of its first use, so no single task holds up a frame.
        inTasks([
          wake,
          ...(Object.keys(SOUNDS) as SoundName[]).map((name) => () => void effect(name)),
          () => {
            if (musicWanted && !music) createMusic(sounds.music);
            resolve();
          },
        ]);
      };
      worker.onerror = () => {
        done();
        if (musicWanted) startLoop(renderMusic());
        resolve();
      };
      worker.postMessage(null);
      return prepared;
    },
  };
}
