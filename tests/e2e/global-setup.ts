import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { build, preview, type Plugin, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { parseHeadersFile } from "../../src/csp/policy.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** A loopback port the build may send xAPI statements to (the fake LRS listens there). */
    lrsPort: number;
  }
}

let server: PreviewServer | undefined;

/** A free loopback port (asked of the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Collects Content-Security-Policy violation reports at /__csp (POST, from the browser's
 * report-uri) and hands them out once (GET). Workers' violations reach no page listener
 * and no console Playwright sees; their reports arrive here.
 */
function cspReports(): Plugin {
  const reports: unknown[] = [];
  return {
    name: "e2e:csp-reports",
    configurePreviewServer(s) {
      s.middlewares.use("/__csp", (req, res) => {
        if (req.method === "POST") {
          let body = "";
          req.on("data", (c: Buffer) => (body += c.toString()));
          req.on("end", () => {
            try {
              reports.push(JSON.parse(body));
            } catch {
              reports.push(body);
            }
            res.statusCode = 204;
            res.end();
          });
          return;
        }
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify(reports.splice(0)));
      });
    },
  };
}

/**
 * Builds the production bundle once and serves it on a free loopback port for every e2e
 * file, with the headers of public/_headers as a static host sends them (the policy plus a
 * report-uri for the tests).
 */
export default async function setup(project: TestProject) {
  // The xAPI test's fake LRS listens on a port chosen here: this build may send statements
  // there, and to no other origin (the own-scenario test checks other origins stay blocked).
  const lrsPort = await freePort();
  process.env.DEALCRAFT_LRS_ORIGINS = `http://127.0.0.1:${lrsPort}`;
  project.provide("lrsPort", lrsPort);
  await build({ logLevel: "warn" });
  // The studio page and the team view, built in passes of their own into the same dist/ (see vite.config.ts).
  for (const page of ["studio", "team"]) {
    process.env.DEALCRAFT_PAGE = page;
    try {
      await build({ logLevel: "warn" });
    } finally {
      delete process.env.DEALCRAFT_PAGE;
    }
  }
  const headers = parseHeadersFile(readFileSync("public/_headers", "utf8"));
  // A host serving an xAPI build adds the same LRS origins to its header policy.
  headers["Content-Security-Policy"] = headers["Content-Security-Policy"]!.replace(/connect-src ([^;]*)/, `connect-src $1 ${process.env.DEALCRAFT_LRS_ORIGINS}`) + "; report-uri /__csp";
  server = await preview({ logLevel: "warn", plugins: [cspReports()], preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false, headers } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  project.provide("baseUrl", url);
  return async () => {
    await server?.close();
  };
}
