import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Builds the production bundle (the game, then the studio) once and serves it on a free loopback port for every e2e file. */
export default async function setup(project: TestProject) {
  await build({ logLevel: "warn" });
  // The studio page, built in a second pass into the same dist/ (see vite.config.ts).
  process.env.DEALCRAFT_PAGE = "studio";
  try {
    await build({ logLevel: "warn" });
  } finally {
    delete process.env.DEALCRAFT_PAGE;
  }
  server = await preview({ logLevel: "warn", preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  project.provide("baseUrl", url);
  return async () => {
    await server?.close();
  };
}
