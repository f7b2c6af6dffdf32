/**
 * The error boundary around every scene: an exception in a scene's create, update, input
 * or render (anything the game's step runs), or an unhandled rejection of a scene's async
 * work, stops the scenes and returns to the title with a notice naming the screen, instead
 * of leaving a frozen or blank canvas. Repeated failures in a short time mean the title
 * itself is failing: then a plain page message offers a reload.
 */
import type { Phaser } from "../phaser/index.ts";
import type { Services } from "./services.ts";
import { t, type StringKey } from "../content/i18n.ts";

const WINDOW_MS = 10_000;
const MAX_FAILURES = 3;
const failures: number[] = [];

/** Which screen was on top (the scene most likely to have failed). */
function topScene(game: Phaser.Game): string {
  const active = game.scene.getScenes(true) as Phaser.Scene[];
  return active[0]?.sys.settings.key ?? "Title";
}

export function reasonOf(error: unknown): string {
  const msg = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return msg.slice(0, 160);
}

/** Stops every scene and starts the title with a notice. Returns false when it gave up (the title keeps failing). */
export function recoverToTitle(game: Phaser.Game, error: unknown): boolean {
  console.error("Dealcraft: a scene failed", error);
  const svc = game.registry.get("services") as Services | undefined;
  const now = performance.now();
  while (failures.length && now - failures[0]! > WINDOW_MS) failures.shift();
  failures.push(now);
  const locale = svc?.store.getState().settings.locale ?? "zh-CN";
  if (failures.length > MAX_FAILURES) {
    showFatal(game, locale, reasonOf(error));
    return false;
  }
  const key = topScene(game);
  const scene = t(locale, `scene.${key}` as StringKey);
  svc?.store.getState().notify({ key: "notice.scene-failed", vars: { scene: scene.startsWith("scene.") ? key : scene, reason: reasonOf(error) } });
  // Phaser leaves isProcessing set when a scene throws mid-update; the queued stop/start then runs next step.
  (game.scene as unknown as { isProcessing: boolean }).isProcessing = false;
  for (const s of game.scene.getScenes(false) as Phaser.Scene[]) {
    const k = s.sys.settings.key;
    const status = s.sys.settings.status; // Phaser.Scenes: 1 INIT … 7 SLEEPING are live; 0 pending, 8+ shut down
    if (status >= 1 && status <= 7 && k !== "Title") game.scene.stop(k);
  }
  game.scene.start("Title");
  return true;
}

/** Last resort, outside the canvas: plain text (never HTML) and a reload button. */
function showFatal(game: Phaser.Game, locale: "zh-CN" | "en", reason: string): void {
  if (document.getElementById("fatal")) return;
  game.loop.sleep();
  const box = document.createElement("div");
  box.id = "fatal";
  box.setAttribute("role", "alert");
  box.style.cssText = "position:fixed;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;background:#14202e;color:#f3f5f8;font:20px sans-serif;padding:24px;text-align:center";
  const p = document.createElement("p");
  p.textContent = t(locale, "fatal.message", { reason });
  const b = document.createElement("button");
  b.textContent = t(locale, "fatal.reload");
  b.style.cssText = "font:20px sans-serif;padding:8px 20px";
  b.addEventListener("click", () => location.reload());
  box.append(p, b);
  document.body.append(box);
}

/** Errors that are not the game's: a refused autoplay, an aborted fetch. */
const HARMLESS = new Set(["NotAllowedError", "AbortError"]);

/** Catches what escapes a scene's async work (a rejected promise, an error in a callback). */
export function installErrorBoundary(game: Phaser.Game): void {
  const handle = (error: unknown) => {
    if (error instanceof Error && HARMLESS.has(error.name)) return;
    if (game.isBooted) recoverToTitle(game, error);
  };
  window.addEventListener("unhandledrejection", (ev) => handle(ev.reason));
  window.addEventListener("error", (ev) => {
    if (ev.error !== undefined && ev.error !== null) handle(ev.error);
  });
}
