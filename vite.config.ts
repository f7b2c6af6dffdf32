import { defineConfig, type Plugin } from "vitest/config";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { contentSecurityPolicy } from "./src/csp/vite-plugin.ts";
import { parseHeadersFile } from "./src/csp/policy.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Phaser's build-time switches (its own webpack build sets them with DefinePlugin). Ours:
 * WebGL only (Canvas is deprecated in Phaser 4) and no Phaser sound (Howler owns sound).
 */
const PHASER_FLAGS: Record<string, string> = {
  CANVAS_RENDERER: "false",
  WEBGL_RENDERER: "true",
  WEBGL_DEBUG: "false",
  EXPERIMENTAL: "false",
  FEATURE_SOUND: "false",
  PLUGIN_CAMERA3D: "false",
  PLUGIN_FBINSTANT: "false",
};
const FLAG_PATTERN = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join("|")})\\b`, "g");

function phaserFlags(): Plugin {
  return {
    name: "dealcraft:phaser-flags",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/node_modules/phaser/src/") || !FLAG_PATTERN.test(code)) return null;
      FLAG_PATTERN.lastIndex = 0;
      return { code: code.replace(FLAG_PATTERN, (_m, flag: string) => PHASER_FLAGS[flag]!), map: null };
    },
  };
}

/**
 * The slow tier of the unit tests: seeded simulations and property runs over whole scenarios
 * (thousands of playthroughs each), the checker's size-scaling probes and the two-process Redis
 * room. Each takes seconds to minutes; together they are most of `npm test`'s time. A new test
 * that plays many runs belongs here, so the fast tier stays under a minute.
 */
const SLOW_TESTS = [
  "tests/unit/property-*.test.ts",
  "tests/unit/debrief-truth.test.ts",
  "tests/unit/ordering.test.ts",
  "tests/unit/starter-coverage.test.ts",
  "tests/unit/surface-players.test.ts",
  "tests/unit/variety.test.ts",
  "tests/unit/reaction-lint-bundled.test.ts",
  "tests/unit/check-hostile.test.ts",
  "tests/unit/room-redis.test.ts",
];

// One config serves the game (vite) and the unit tests (vitest). Production builds use the
// custom Phaser build in src/game/phaser-custom.js; PHASER_BUILD=full builds with the
// whole library instead (bench:size compares the two). Dev serves the whole library.
export default defineConfig(({ command }) => {
  const custom = command === "build" && process.env.PHASER_BUILD !== "full";
  // The studio (studio.html) is built in a second pass into the same folder
  // (DEALCRAFT_PAGE=studio; `npm run build` runs both): as a second input of one build, the
  // bundler split the game's entry into chunks shared with it, which made the game's first
  // visit bigger and longer to fetch. Apart, the game's build is exactly what it was.
  // The team view (team.html) is a pass of its own for the same reason: it reads the game's CSV
  // and store code, which as a second input would split the game's entry into shared chunks.
  const ownPage = process.env.DEALCRAFT_PAGE === "studio" || process.env.DEALCRAFT_PAGE === "team" ? process.env.DEALCRAFT_PAGE : null;
  const ownPass = ownPage !== null;
  // bench:startup's bare "hello" page builds from its own root with its own index.html.
  const otherRoot = process.env.DEALCRAFT_PAGE === "hello";
  return {
    base: "./",
    resolve: {
      alias: custom
        ? [
            { find: /^phaser$/, replacement: root + "src/game/phaser-custom.js" },
            { find: /^phaser-src\/(.*)$/, replacement: root + "node_modules/phaser/src/$1" },
          ]
        : [],
    },
    plugins: [...(custom ? [phaserFlags()] : []), contentSecurityPolicy(root + "public/_headers", { checkHeaders: !ownPass && !otherRoot })],
    build: {
      target: "es2022",
      outDir: process.env.DEALCRAFT_OUT ?? "dist",
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1600,
      manifest: ownPage ? `.vite/${ownPage}-manifest.json` : true,
      emptyOutDir: !ownPass,
      rollupOptions: {
        // index.html is the game; the team-session pages are entries of their own, so their
        // code (and socket.io-client) never loads with the game. The studio is a pass of its own.
        // The pages of this project; a build with another root (bench/hello) keeps its own index.html.
        ...(otherRoot ? {} : { input: (ownPage ? { [ownPage]: root + `${ownPage}.html` } : { index: root + "index.html", host: root + "host.html", join: root + "join.html" }) as Record<string, string> }),
        output: {
          // Phaser changes rarely: keep it in its own cacheable chunk.
          manualChunks(id: string) {
            if (id.includes("node_modules/phaser")) return "phaser";
            return undefined;
          },
        },
      },
    },
    server: { host: "127.0.0.1", port: 5173 },
    // Preview sends the headers of public/_headers, as a static host would (the e2e tests play under them).
    preview: { host: "127.0.0.1", port: 4173, headers: parseHeadersFile(readFileSync(root + "public/_headers", "utf8")) },
    test: {
      environment: "node",
      // Some tests start the CLI as a child process; a busy 2-core machine needs the headroom.
      testTimeout: 30_000,
      // `npm test` runs both tiers; `npm run test:fast` is the one to run while working.
      projects: [
        { extends: true, test: { name: "fast", include: ["tests/unit/**/*.test.ts"], exclude: SLOW_TESTS } },
        { extends: true, test: { name: "slow", include: SLOW_TESTS } },
      ],
    },
  };
});
