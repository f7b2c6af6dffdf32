/** Entry: build the store, the DOM mirror and sound, read the URL, start the game. */
import { createAppStore, memoryStorage } from "./store/index.ts";
import { createMirror } from "./a11y/mirror.ts";
import { showLiveNotices } from "./ui/toast.ts";
import { createSound } from "./audio/sound.ts";
import { isLocale } from "./content/i18n.ts";
import { startGame, type DealcraftGame } from "./game/config.ts";
import { isLmsLaunch } from "./lms/detect.ts";
import type { LaunchOptions, Services, SharedServices } from "./game/services.ts";
import faviconUrl from "../assets/favicon.svg?url";

performance.mark("app:start");

function browserStorage(): { storage: Storage; ok: boolean } {
  try {
    const probe = "__dealcraft_probe__";
    localStorage.setItem(probe, "1");
    localStorage.removeItem(probe);
    return { storage: localStorage, ok: true };
  } catch {
    return { storage: memoryStorage(), ok: false };
  }
}

const params = new URLSearchParams(location.search);
// Inside the studio the game keeps nothing: testing a draft never touches a player's saves.
const inStudio = params.get("studio") === "1" && window.parent !== window;
const { storage, ok } = inStudio ? { storage: memoryStorage(), ok: true } : browserStorage();
const store = createAppStore(storage);
performance.mark("app:store");
if (!ok) store.getState().notify({ key: "notice.storage-unavailable" });

const lang = params.get("lang");
if (lang !== null) {
  if (isLocale(lang)) store.getState().setLocale(lang);
  else store.getState().notify({ key: "notice.unknown-locale", vars: { locale: lang.slice(0, 20) } });
}
const launch: LaunchOptions = {};
const seed = params.get("seed");
if (seed) launch.seed = seed.slice(0, 64);
const scenario = params.get("scenario");
if (scenario) launch.scenario = scenario.slice(0, 64);
const src = params.get("src");
if (src) {
  try {
    launch.src = new URL(src.slice(0, 2000), location.href).href; // relative links work too
  } catch {
    launch.src = src.slice(0, 2000); // the check names it as not a web address, on screen
  }
}
const mode = params.get("mode");
if (mode === "practice" || mode === "assessment") launch.mode = mode;
else if (mode !== null) store.getState().notify({ key: "notice.unknown-mode", vars: { mode: mode.slice(0, 20) } });

const syncLang = () => {
  document.documentElement.lang = store.getState().settings.locale;
};
syncLang();
store.subscribe(syncLang);

const mirror = createMirror(document.getElementById("a11y-live")!);
showLiveNotices(store, document.body);
const sound = createSound(store);
performance.mark("app:sound");
// Browsers allow audio only after a gesture: the first key or tap starts the music.
for (const type of ["keydown", "pointerdown"] as const) window.addEventListener(type, () => sound.startMusic(), { once: true });
const svc: SharedServices = { store, mirror, sound, catalogue: null, launch, ...(ok && !inStudio ? { libraryStorage: storage } : {}) };

/** Starts the game; the rest of main.ts needs the game object. */
function boot(): DealcraftGame {
  performance.mark("app:game-start");
  const game = startGame(document.getElementById("game")!, svc);
  // The tab's icon, added once the first frame is out: a favicon link in the page's head
  // measurably delayed that frame (10-20 ms in bench:startup A/B runs).
  game.events.once("postrender", () =>
    setTimeout(() => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]') ?? document.head.appendChild(document.createElement("link"));
      link.rel = "icon";
      link.type = "image/svg+xml";
      link.href = faviconUrl;
    }, 0),
  );
  if (inStudio) void import("./game/studio-link.ts").then((m) => m.listenToStudio(game, game.registry.get("services") as Services));
  // For tests and debugging in the browser console: read-only handles, no rules.
  (window as unknown as { dealcraft: unknown }).dealcraft = { game, store, sound };
  return game;
}

// In an LMS (or with an LRS) the tracking code loads first, in its own chunk, so a run the
// LMS suspended is back in the store before the title looks; a plain visit loads none of it.
if (isLmsLaunch(params)) {
  import("./lms/index.ts")
    .then((m) => m.startLms(svc, params))
    .catch((e: unknown) => {
      console.error("Dealcraft LMS", e);
      store.getState().notify({ key: "notice.lms-failed" });
    })
    .finally(boot);
} else boot();
