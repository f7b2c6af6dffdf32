import { defineConfig } from "vitest/config";

// One config serves the game build (vite) and the unit tests (vitest).
export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    outDir: "dist",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // Phaser is large and changes rarely: keep it in its own cacheable chunk.
        manualChunks(id: string) {
          if (id.includes("node_modules/phaser")) return "phaser";
          return undefined;
        },
      },
    },
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
