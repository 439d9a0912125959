import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

const settings = { tenantId: "t-ada", provider: "anthropic", model: "claude-sonnet-4-5" };

describe("instances", () => {
  test("create, get, update, list and delete the one instance of a user", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    expect(await rpc("getInstance", { ownerId: ada.id })).toBeNull();
    const created = await rpc("createInstance", { ownerId: ada.id, ...settings });
    expect(created).toEqual({
      id: expect.any(String),
      ownerId: ada.id,
      ...settings,
      status: "provisioning",
      openclawVersion: null,
      lastError: null,
      createdAt: expect.any(Number),
      updatedAt: created.createdAt,
    });
    expect(await rpc("getInstance", { ownerId: ada.id })).toEqual(created);

    const running = await rpc("updateInstance", { ownerId: ada.id, status: "running", openclawVersion: "2026.9.6" });
    expect(running).toMatchObject({ status: "running", openclawVersion: "2026.9.6", lastError: null, model: settings.model });
    expect(running.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
    const failed = await rpc("updateInstance", { ownerId: ada.id, status: "error", lastError: "gateway failed to start: boom" });
    expect(failed).toMatchObject({ status: "error", openclawVersion: "2026.9.6", lastError: "gateway failed to start: boom" });
    expect(await rpc("updateInstance", { ownerId: ada.id, lastError: null })).toMatchObject({ status: "error", lastError: null });
    expect(await rpc("listInstances")).toHaveLength(1);

    expect(await rpc("deleteInstance", { ownerId: ada.id })).toBeNull();
    expect(await rpc("getInstance", { ownerId: ada.id })).toBeNull();
    expect(await rpc("listInstances")).toEqual([]);
  });

  test("a second instance for a user, or a taken tenant id, is a 409 conflict", async () => {
    const { call, rpc, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const first = await rpc("createInstance", { ownerId: ada.id, ...settings });
    await expectError(call("createInstance", { ownerId: ada.id, ...settings, tenantId: "t-other" }), 409, "conflict");
    await expectError(call("createInstance", { ownerId: bob.id, ...settings }), 409, "conflict");
    expect(await rpc("listInstances")).toEqual([first]);
  });

  test("unknown owners: get is null, create/update/delete are 404", async () => {
    const { call, rpc, newUser, expectError } = controlPlane();
    expect(await rpc("getInstance", { ownerId: "nobody" })).toBeNull();
    await expectError(call("createInstance", { ownerId: "nobody", ...settings }), 404, "not_found");
    const ada = await newUser();
    await expectError(call("updateInstance", { ownerId: ada.id, status: "running" }), 404, "not_found");
    await expectError(call("deleteInstance", { ownerId: ada.id }), 404, "not_found");
  });

  test("bad input is a 400", async () => {
    const { call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await expectError(call("createInstance", { ownerId: ada.id, ...settings, tenantId: "Not A Tenant" }), 400, "invalid_request");
    await expectError(call("createInstance", { ownerId: ada.id, ...settings, provider: "gemini" }), 400, "invalid_request");
    await expectError(call("createInstance", { ownerId: ada.id, ...settings, model: "" }), 400, "invalid_request");
    await expectError(call("updateInstance", { ownerId: ada.id, status: "ready" }), 400, "invalid_request");
  });
});
