import { Phaser } from "../phaser/index.ts";
import { Title } from "./scenes/Title.ts";
import { HEIGHT, WIDTH } from "../ui/theme.ts";
import { fingerprint, RenderGate, type DrawnCamera, type DrawnObject, type DrawnScene } from "./renderGate.ts";
import type { Services, SharedServices } from "./services.ts";
import { ensurePlayScenes, ensureProgressScene, ensureSettings } from "./playScenes.ts";
import { chooseRenderScale, setRenderScale } from "./renderScale.ts";
import { installErrorBoundary, recoverToTitle } from "./errorBoundary.ts";
import { deliverEachKeyOnce, type KeyQueueHandler } from "./keysOnce.ts";

// Before any scene starts: each keyboard plugin registers its queue handler when its scene starts.
deliverEachKeyOnce(Phaser.Input.Keyboard.KeyboardPlugin.prototype as unknown as KeyQueueHandler);

/** What each scene would draw this frame, in render order (see renderGate.ts). */
function drawnScenes(game: Phaser.Game): DrawnScene[] {
  return game.scene.scenes.map((scene) => {
    const sys = scene.sys;
    const { status, visible, key } = sys.settings;
    return {
      key,
      // The test Phaser's SceneManager.render makes before drawing a scene.
      drawn: visible && status >= Phaser.Scenes.LOADING && status < Phaser.Scenes.SLEEPING,
      cameras: (sys.cameras?.cameras ?? []) as unknown as DrawnCamera[],
      objects: (sys.displayList?.list ?? []) as unknown as DrawnObject[],
    };
  });
}

/**
 * Phaser's game, drawing a frame only when it would differ from the last one (or once a
 * second). The step is Phaser's own (core/Game.js `step`), with the draw made conditional;
 * input is still polled every step.
 */
export class DealcraftGame extends Phaser.Game {
  readonly renderGate = new RenderGate({ heartbeatMs: 1000 });

  constructor(config: Phaser.Types.Core.GameConfig) {
    super(config);
    this.events.once("ready", () => {
      const poke = () => this.renderGate.poke();
      this.scale.on("resize", poke);
      this.canvas.addEventListener("webglcontextrestored", poke);
      document.addEventListener("visibilitychange", poke);
    });
  }

  override step(time: number, delta: number): void {
    if ((this as unknown as { pendingDestroy?: boolean }).pendingDestroy || this.isPaused) {
      super.step(time, delta);
      return;
    }
    try {
      this.gatedStep(time, delta);
    } catch (e) {
      // The error boundary of every scene: back to the title with a notice, not a frozen canvas.
      recoverToTitle(this, e);
    }
  }

  private gatedStep(time: number, delta: number): void {
    const events = this.events;
    events.emit("prestep", time, delta);
    events.emit("step", time, delta);
    this.scene.update(time, delta);
    events.emit("poststep", time, delta);
    const renderer = this.renderer;
    // Phaser polls pointer input on this event; emitting it before the decision lets a click's effect draw this frame.
    events.emit("prerender", renderer, time, delta);
    if (!this.renderGate.shouldDraw(fingerprint(drawnScenes(this)), time)) {
      (this.scene as unknown as { isProcessing: boolean }).isProcessing = false; // as SceneManager.render leaves it
      return;
    }
    renderer.preRender();
    this.scene.render(renderer);
    renderer.postRender();
    events.emit("postrender", renderer, time, delta);
  }
}

/** Starts the game in `parent` with the shared services. 16:9 design size, letterboxed to any window. */
export function startGame(parent: HTMLElement, shared: SharedServices): DealcraftGame {
  let game: DealcraftGame | null = null;
  const notYet = () => Promise.reject(new Error("the game has not started"));
  const services: Services = {
    ...shared,
    loadPlayScenes: () => (game ? ensurePlayScenes(game) : notYet()),
    loadProgressScene: () => (game ? ensureProgressScene(game) : notYet()),
    loadSettings: () => (game ? ensureSettings(game) : notYet()),
  };
  const k = chooseRenderScale(window.devicePixelRatio || 1, parent.clientWidth || window.innerWidth, parent.clientHeight || window.innerHeight);
  setRenderScale(k); // before the scenes are built: their cameras zoom by it
  game = new DealcraftGame({
    type: Phaser.AUTO,
    parent,
    width: WIDTH * k,
    height: HEIGHT * k,
    // Transparent: the canvas element's CSS background (index.html) is the backdrop, a
    // plain COLORS.bg or, on the title, a soft radial gradient the browser paints once.
    transparent: true,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    audio: { noAudio: true }, // Howler alone owns sound
    render: {
      // No multisampling: it doubled the GPU time of a meeting frame (21 -> 12 ms in software
      // rendering) for edges the eye cannot tell apart here: the shapes are axis-aligned boxes and
      // text and art are textures, and on high-DPI screens the canvas is drawn at device resolution.
      antialiasGL: false,
      // One texture per batch: Phaser otherwise compiles a new shader variant whenever a frame
      // binds more textures than before (a 60-80 ms stall entering the first meeting, in software
      // rendering), and its multi-texture shader costs more per pixel. A few dozen objects a
      // frame make the extra draw calls free (meeting frame: 12 -> 8.5 ms).
      maxTextures: 1,
    },
    banner: false,
    input: { keyboard: true, mouse: true, touch: true, gamepad: false },
    // The first scene starts itself: the title (no boot scene, no extra frame before it).
    // The meeting, map and debrief are added once their chunk loads (ensurePlayScenes).
    // The scenario list and the settings overlay load with them too (ensurePlayScenes): the
    // list grew with opening files and the local library, and the first visit must not.
    scene: [Title],
    callbacks: {
      preBoot: (g) => g.registry.set("services", services),
    },
  });
  installErrorBoundary(game);
  return game;
}
