import { describe, expect, it } from "vitest";
import { LOCAL_SESSION_TTL_SECONDS, signLocalSession, verifyLocalSession } from "./local-session.ts";

const now = 1_800_000_000_000;

describe("local session cookie", () => {
  it("round-trips the user id", async () => {
    const cookie = await signLocalSession("user-1", "secret", now);
    expect(await verifyLocalSession(cookie, "secret", now + 1000)).toBe("user-1");
  });

  it("refuses another secret, a tampered payload, a bad shape and an expired cookie", async () => {
    const cookie = await signLocalSession("user-1", "secret", now);
    expect(await verifyLocalSession(cookie, "other", now)).toBeNull();
    const [, signature] = cookie.split(".");
    const forged = `${btoa(JSON.stringify({ u: "admin", e: now / 1000 + 100 })).replace(/=+$/, "")}.${signature}`;
    expect(await verifyLocalSession(forged, "secret", now)).toBeNull();
    for (const bad of ["", "a", "a.b.c", "!!.??"]) expect(await verifyLocalSession(bad, "secret", now)).toBeNull();
    expect(await verifyLocalSession(cookie, "secret", now + LOCAL_SESSION_TTL_SECONDS * 1000 + 1)).toBeNull();
  });
});
