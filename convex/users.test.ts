import { afterEach, describe, expect, test, vi } from "vitest";
import { controlPlane } from "./test.setup";

afterEach(() => vi.unstubAllEnvs());

describe("users", () => {
  test("upsertUser creates a user without access, then updates the same user", async () => {
    const { rpc } = controlPlane();
    const created = await rpc("upsertUser", { workosUserId: "user_1", email: " Ada@Example.com ", name: "Ada" });
    expect(created).toEqual({
      id: expect.any(String),
      workosUserId: "user_1",
      email: "ada@example.com",
      name: "Ada",
      role: "user",
      accessEnabled: false,
      accessChangedBy: null,
      accessChangedAt: null,
      createdAt: expect.any(Number),
    });
    const updated = await rpc("upsertUser", { workosUserId: "user_1", email: "ada@new.example.com" });
    expect(updated).toEqual({ ...created, email: "ada@new.example.com" });
    expect(await rpc("listUsers")).toEqual([updated]);
  });
});
