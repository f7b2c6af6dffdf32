// The project's layer rules, in one place: ESLint (eslint.config.js) enforces them and the
// engine-purity test (tests/unit/engine-purity.test.ts) checks the same lists.

/** Packages the pure engine and the run session must never import. */
export const HOST_PACKAGES = ["phaser", "howler", "zustand", "socket.io", "socket.io-client"];
/** Folders of src/ that are hosts of the engine: the engine imports none of them. */
export const HOST_FOLDERS = ["game", "store", "audio", "a11y", "ui", "art", "content", "session", "phaser", "studio", "room", "lms"];
/** Browser globals the engine and the session must not touch. */
export const DOM_GLOBALS = ["window", "document", "localStorage", "sessionStorage", "navigator"];
