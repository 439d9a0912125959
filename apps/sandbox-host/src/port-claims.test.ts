import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PortClaims } from "./port-claims.ts";

function claimsDir(): string {
  return mkdtempSync(join(tmpdir(), "port-claims-test-"));
}

describe("PortClaims", () => {
  it("gives a port to one sandbox host of the machine at a time", () => {
    const dir = claimsDir();
    const first = new PortClaims(dir);
    const second = new PortClaims(dir);
    expect(first.claim(32000)).toBe(true);
    expect(readFileSync(join(dir, "32000"), "utf8")).toBe(String(process.pid));
    expect(second.claim(32000)).toBe(false);
    first.release(32000);
    expect(second.claim(32000)).toBe(true);
  });

  it("takes over the claim of a process that is gone", () => {
    const dir = claimsDir();
    writeFileSync(join(dir, "32020"), "2147483646");
    expect(new PortClaims(dir).claim(32020)).toBe(true);
  });

  it("releases only what it holds", () => {
    const dir = claimsDir();
    const owner = new PortClaims(dir);
    owner.claim(32040);
    new PortClaims(dir).release(32040);
    expect(new PortClaims(dir).claim(32040)).toBe(false);
    owner.releaseAll();
    expect(new PortClaims(dir).claim(32040)).toBe(true);
  });
});
