import { describe, expect, it } from "vitest";
import { shellQuote } from "./sandbox-driver.ts";

describe("shellQuote", () => {
  it("leaves plain words alone and quotes the rest", () => {
    expect(shellQuote(["openclaw-cloud-gateway", "backup", "--output", "backups/a.tar.gz"])).toBe("openclaw-cloud-gateway backup --output backups/a.tar.gz");
    expect(shellQuote(["echo", "a b", "it's", "$HOME", ""])).toBe(`echo 'a b' 'it'\\''s' '$HOME' ''`);
  });
});
