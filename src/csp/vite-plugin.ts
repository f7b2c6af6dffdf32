/**
 * Puts the Content-Security-Policy into the build: a `<meta http-equiv>` near the top of
 * every HTML page (before anything it governs), and checks that `public/_headers` (copied
 * beside the pages, for static hosts) carries the same policy. The inline style hashes are
 * taken from the pages as built (Vite minifies inline <style>), so they always match what
 * the browser sees; when a page's style changes, the build says to run
 * `npm run csp:headers`, which rewrites public/_headers. Build only: the dev server injects
 * styles and scripts of its own.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { Plugin } from "vite";
import { lrsOrigins, headersFile, inlineStyles, policy } from "./policy.ts";

const sha256 = (text: string) => "sha256-" + createHash("sha256").update(text, "utf8").digest("base64");

/** `checkHeaders: false` for a build of one more page into the same folder (the studio's pass): its pages get the meta policy; the game's pass owns _headers. */
export function contentSecurityPolicy(headersPath: string, opts: { checkHeaders?: boolean } = {}): Plugin {
  return {
    name: "dealcraft:csp",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const allHashes = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || !file.fileName.endsWith(".html")) continue;
        const html = String(file.source);
        const hashes = inlineStyles(html).map(sha256);
        hashes.forEach((h) => allHashes.add(h));
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, lrsOrigins(process.env.DEALCRAFT_LRS_ORIGINS))}" />`;
        const anchor = /<meta charset[^>]*>/i.test(html) ? /<meta charset[^>]*>/i : /<head[^>]*>/i;
        if (!anchor.test(html)) this.error(`${file.fileName} has no <head> to put the Content-Security-Policy in`);
        file.source = html.replace(anchor, (tag) => `${tag}\n    ${meta}`);
      }
      if (opts.checkHeaders === false) return;
      const wanted = headersFile([...allHashes].sort());
      let current = "";
      try {
        current = readFileSync(headersPath, "utf8");
      } catch {
        // missing: written below, or reported
      }
      if (current === wanted) return;
      if (process.env.DEALCRAFT_CSP_WRITE === "1") {
        writeFileSync(headersPath, wanted);
        this.emitFile({ type: "asset", fileName: "_headers", source: wanted });
      } else {
        this.error(`public/_headers does not carry the policy these pages need (an inline <style> changed?): run \`npm run csp:headers\` and commit public/_headers`);
      }
    },
  };
}
