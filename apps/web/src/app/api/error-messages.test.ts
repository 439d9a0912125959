import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "@openclaw-cloud/contracts/api-errors";
import { messageFor, messageForError, retryIn } from "./error-messages.ts";

describe("error sentences", () => {
  it("has a sentence for every code the API can answer, never a snake_case code", () => {
    for (const code of API_ERROR_CODES) {
      const sentence = messageFor({ code, message: "detail", retryAfterSeconds: null });
      expect(sentence, code).toMatch(/^[A-Z].*\.$/);
      if (code.includes("_")) expect(sentence, code).not.toContain(code);
    }
  });

  it("says when to retry a rate-limited request", () => {
    expect(messageFor({ code: "rate_limited", message: "", retryAfterSeconds: 12 })).toBe("Too many requests at once. Try again in 12 seconds.");
    expect(retryIn(1)).toBe("in 1 second");
    expect(retryIn(600)).toBe("in 10 minutes");
    expect(retryIn(null)).toBe("in a moment");
  });

  it("gives the gateway's own reason for a failed start", () => {
    const sentence = messageFor({ code: "gateway_failed_to_start", message: "gateway failed to start: port 18789 in use", retryAfterSeconds: null });
    expect(sentence).toBe("Your OpenClaw failed to start: port 18789 in use. Restart it to try again.");
  });

  it("says that a reply failed, with the gateway's own reason", () => {
    expect(messageFor({ code: "turn_failed", message: "internal error", retryAfterSeconds: null })).toBe("Your OpenClaw could not finish this reply: internal error. Send it again to retry.");
  });

  it("says that a thread's connection was lost and that it comes back by itself", () => {
    expect(messageFor({ code: "connection_lost", message: "", retryAfterSeconds: null })).toBe("The connection to this chat was lost. It reconnects by itself; your messages are kept.");
  });

  it("falls back for unknown codes and for errors that are not API problems", () => {
    expect(messageFor({ code: "something_new" as never, message: "", retryAfterSeconds: null })).toContain("did not expect");
    expect(messageForError(new TypeError("x is undefined"))).toBe("Something went wrong in this page. Reload and try again.");
  });
});
