/** The shipped policy: strict, and the same in public/_headers as the build puts in each page. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headersFile, inlineStyles, parseHeadersFile, policy } from "../../src/csp/policy.ts";

describe("Content-Security-Policy", () => {
  it("allows no eval and no inline script, and inline style only by hash", () => {
    const p = policy(["sha256-abc="]);
    expect(p).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(p).toMatch(/script-src 'self';/);
    expect(p).toMatch(/style-src 'self' 'sha256-abc=';/);
    expect(p).toMatch(/worker-src 'self';/);
    expect(p).not.toMatch(/frame-ancestors/);
  });

  it("public/_headers carries the policy with frame-ancestors for every path", () => {
    const file = readFileSync("public/_headers", "utf8");
    const headers = parseHeadersFile(file);
    const csp = headers["Content-Security-Policy"]!;
    expect(csp).toMatch(/frame-ancestors 'self'$/);
    const hashes = [...csp.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]!);
    expect(hashes.length).toBeGreaterThanOrEqual(inlineStyles(readFileSync("index.html", "utf8")).length);
    expect(file).toBe(headersFile(hashes));
  });
});
