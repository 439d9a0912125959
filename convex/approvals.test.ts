import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

// Keys Convex would refuse as field names: the payload is kept as JSON text.
const payload = { tool: "openclaw.restart", $meta: { "dotted.key": [1, null, "x"] }, _private: true };

describe("approvals", () => {
  test("requested pending with any JSON payload, then approved once, with an audit entry", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    const approval = await rpc("createApproval", { ownerId: ada.id, kind: "openclaw.restart", payload, requestedBy: "agent:thread-1" });
    expect(approval).toEqual({
      id: expect.any(String),
      ownerId: ada.id,
      kind: "openclaw.restart",
      payload,
      status: "pending",
      requestedBy: "agent:thread-1",
      requestedAt: expect.any(Number),
      resolvedBy: null,
      resolvedAt: null,
    });
    const approved = await rpc("resolveApproval", { ownerId: ada.id, approvalId: approval.id, approved: true, resolvedBy: ada.id });
    expect(approved).toMatchObject({ status: "approved", resolvedBy: ada.id, resolvedAt: expect.any(Number) });
    await expectError(call("resolveApproval", { ownerId: ada.id, approvalId: approval.id, approved: false, resolvedBy: ada.id }), 409, "conflict");
    expect(await rpc("listAudit", {})).toEqual([expect.objectContaining({ actor: ada.id, action: "approval.approve", target: approval.id, details: { ownerId: ada.id, kind: "openclaw.restart" } })]);
  });

  test("listed newest first, optionally by status; rejecting works too", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    const first = await rpc("createApproval", { ownerId: ada.id, kind: "a", payload: 1, requestedBy: "agent" });
    const second = await rpc("createApproval", { ownerId: ada.id, kind: "b", payload: "two", requestedBy: "agent" });
    await rpc("resolveApproval", { ownerId: ada.id, approvalId: first.id, approved: false, resolvedBy: "ada" });
    const ids = (list: Array<{ id: string }>) => list.map((approval) => approval.id);
    expect(ids(await rpc("listApprovals", { ownerId: ada.id }))).toEqual([second.id, first.id]);
    expect(ids(await rpc("listApprovals", { ownerId: ada.id, status: "pending" }))).toEqual([second.id]);
    expect(await rpc("listApprovals", { ownerId: ada.id, status: "rejected" })).toEqual([expect.objectContaining({ id: first.id, status: "rejected", resolvedBy: "ada" })]);
    expect(await rpc("listApprovals", { ownerId: ada.id, status: "approved" })).toEqual([]);
  });

  test("approvals are private to their owner", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const approval = await rpc("createApproval", { ownerId: ada.id, kind: "k", payload: {}, requestedBy: "agent" });
    expect(await rpc("listApprovals", { ownerId: bob.id })).toEqual([]);
    await expectError(call("resolveApproval", { ownerId: bob.id, approvalId: approval.id, approved: true, resolvedBy: bob.id }), 404, "not_found");
    expect((await rpc("listApprovals", { ownerId: ada.id }))[0].status).toBe("pending");
    await expectError(call("createApproval", { ownerId: "nobody", kind: "k", payload: {}, requestedBy: "agent" }), 404, "not_found");
  });

  test("bad input is a 400", async () => {
    const { call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await expectError(call("createApproval", { ownerId: ada.id, kind: "k", requestedBy: "agent" }), 400, "invalid_request");
    await expectError(call("createApproval", { ownerId: ada.id, kind: "k", payload: "x".repeat(70_000), requestedBy: "agent" }), 400, "invalid_request");
    await expectError(call("listApprovals", { ownerId: ada.id, status: "maybe" }), 400, "invalid_request");
  });
});

describe("getApproval", () => {
  test("answers the owner only, with its payload; unknown and malformed ids are null", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const approval = await rpc("createApproval", { ownerId: ada.id, kind: "restart", payload, requestedBy: "agent" });
    expect(await rpc("getApproval", { ownerId: ada.id, approvalId: approval.id })).toEqual(approval);
    expect(await rpc("getApproval", { ownerId: bob.id, approvalId: approval.id })).toBeNull();
    expect(await rpc("getApproval", { ownerId: ada.id, approvalId: "nope" })).toBeNull();
  });
});
