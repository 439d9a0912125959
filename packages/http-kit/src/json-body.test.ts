import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonBody } from "./json-body.ts";

const Schema = z.object({ name: z.string().min(1) }).strict();

function post(body: string | undefined, headers: Record<string, string> = {}): Request {
  return new Request("http://x/", { method: "POST", body, headers });
}

describe("readJsonBody", () => {
  it("parses a valid body", async () => {
    expect(await readJsonBody(post('{"name":"a"}'), Schema)).toEqual({ name: "a" });
  });
  it("rejects malformed JSON", async () => {
    await expect(readJsonBody(post("{nope"), Schema)).rejects.toMatchObject({ code: "invalid_json", status: 400 });
  });
  it("rejects the wrong shape and names the field", async () => {
    await expect(readJsonBody(post('{"name":""}'), Schema)).rejects.toMatchObject({ code: "invalid_request", status: 400, message: expect.stringContaining("name") });
    await expect(readJsonBody(post('{"name":"a","extra":1}'), Schema)).rejects.toMatchObject({ code: "invalid_request" });
  });
  it("rejects oversized bodies by declared and by actual length", async () => {
    await expect(readJsonBody(post("{}", { "content-length": "99999999" }), Schema, { maxBytes: 10 })).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    await expect(readJsonBody(post(JSON.stringify({ name: "x".repeat(100) })), Schema, { maxBytes: 10 })).rejects.toMatchObject({ code: "payload_too_large" });
  });
  it("treats an empty body as {} only when allowed", async () => {
    await expect(readJsonBody(post(""), z.object({}).strict(), { allowEmpty: true })).resolves.toEqual({});
    await expect(readJsonBody(post(""), Schema)).rejects.toMatchObject({ code: "invalid_json" });
  });
});
