import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

describe("audit log", () => {
  test("appendAudit records any JSON details; listAudit is newest first and limited", async () => {
    const { rpc } = controlPlane();
    const first = await rpc("appendAudit", { actor: "api", action: "instance.create", target: "t-ada" });
    expect(first).toEqual({
      id: expect.any(String),
      actor: "api",
      action: "instance.create",
      target: "t-ada",
      details: null,
      createdAt: expect.any(Number),
    });
    const details = { $weird: { "a.b": [1, true, null] }, _x: "y" };
    const second = await rpc("appendAudit", { actor: "admin@example.com", action: "backup.restore", target: "t-ada", details });
    expect(second.details).toEqual(details);
    await rpc("appendAudit", { actor: "api", action: "instance.delete", target: "t-ada" });
    expect((await rpc("listAudit", {})).map((entry: { action: string }) => entry.action)).toEqual(["instance.delete", "backup.restore", "instance.create"]);
    expect(await rpc("listAudit", { limit: 1 })).toEqual([expect.objectContaining({ action: "instance.delete" })]);
  });

  test("bad input is a 400", async () => {
    const { call, expectError } = controlPlane();
    await expectError(call("appendAudit", { actor: "api", action: "", target: "x" }), 400, "invalid_request");
    await expectError(call("appendAudit", { actor: "api", action: "a" }), 400, "invalid_request");
    await expectError(call("listAudit", { limit: 0 }), 400, "invalid_request");
    await expectError(call("listAudit", { limit: 5000 }), 400, "invalid_request");
  });
});
