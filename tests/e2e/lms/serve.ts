/** A tiny static server on 127.0.0.1 for the LMS harness: the harness page, scorm-again, and an unpacked SCO. */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css", ".svg": "image/svg+xml", ".xml": "application/xml", ".wav": "audio/wav", ".png": "image/png" };

export async function serveHarness(scoDir: string, scormAgainFile: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file =
      path === "/harness.html" ? "tests/e2e/lms/harness.html" : path === "/scorm-again.js" ? scormAgainFile : path.startsWith("/sco/") ? join(scoDir, normalize(path.slice(5)).replace(/^(\.\.[/\\])+/, "")) : null;
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((r) => server.close(() => r())) };
}
