import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, invalidBodyError } from "./api-error.ts";

describe("ApiError", () => {
  it("serialises in OpenAI's error shape", () => {
    const error = new ApiError(401, "bad key", { code: "invalid_api_key" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      error: { message: "bad key", type: "invalid_request_error", param: null, code: "invalid_api_key" },
    });
  });

  it("names the first invalid field as the param", () => {
    const result = z.object({ messages: z.array(z.object({ role: z.string() })) }).safeParse({ messages: [{}] });
    const error = invalidBodyError(result.error!);
    expect(error.status).toBe(400);
    expect(error.param).toBe("messages.0.role");
    expect(error.message).toMatch(/^Invalid request body: messages\.0\.role: /);
  });
});
