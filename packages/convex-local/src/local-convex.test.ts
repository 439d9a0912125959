import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexClientError, createConvexClient, type ConvexClient } from "@openclaw-cloud/convex-client";
import { startLocalConvex, type LocalConvex } from "./local-convex.ts";

const CONTROL_KEY = "local-control-key-abcdef123456";
const env = { OPENCLAW_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
const PROVIDER_KEY = "sk-ant-local-e2e-key-0123456789";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "convex-local-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function started(dataFile: string): Promise<{ server: LocalConvex; client: ConvexClient }> {
  const server = await startLocalConvex({ dataFile, controlKey: CONTROL_KEY, env });
  return { server, client: createConvexClient({ url: server.url, controlKey: CONTROL_KEY }) };
}

async function failureOf(promise: Promise<unknown>): Promise<ConvexClientError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConvexClientError);
  return error as ConvexClientError;
}

/** Writes something through every kind of mutation and returns what the reads then say. */
async function populate(client: ConvexClient) {
  const entry = await client.joinWaitlist({ email: "ada@example.com", note: "let me in" });
  await client.setWaitlistApproval({ entryId: entry.id, approved: true, actorId: "admin@example.com" });
  const { user: ada } = await client.upsertUser({ workosUserId: "user_ada", email: "ada@example.com", name: "Ada" });
  const { user: bob } = await client.upsertUser({ workosUserId: "user_bob", email: "bob@example.com" });
  await client.setUserAccess({ userId: bob.id, enabled: true, actorId: ada.id });
  await client.setUserRole({ userId: ada.id, role: "admin", actorId: "root" });
  await client.createInstance({ ownerId: ada.id, tenantId: "t-ada", provider: "anthropic", model: "claude-sonnet-4-5" });
  await client.updateInstance({ ownerId: ada.id, status: "running", openclawVersion: "2026.9.6" });
  await client.createInstance({ ownerId: bob.id, tenantId: "t-bob", provider: "openai", model: "gpt-5.1" });
  await client.deleteInstance(bob.id);
  await client.setProviderKey({ ownerId: ada.id, provider: "anthropic", key: PROVIDER_KEY });
  await client.setProviderKey({ ownerId: ada.id, provider: "openai", key: "sk-openai-to-delete-1234" });
  await client.deleteProviderKey({ ownerId: ada.id, provider: "openai" });
  const token = await client.createApiToken({ ownerId: ada.id, name: "laptop", tokenHash: "1".repeat(64), prefix: "oa_lap" });
  await client.authenticateApiToken("1".repeat(64));
  const revoked = await client.createApiToken({ ownerId: ada.id, name: "old", tokenHash: "2".repeat(64), prefix: "oa_old" });
  await client.revokeApiToken({ ownerId: ada.id, tokenId: revoked.id });
  const thread = await client.createThread({ ownerId: ada.id, title: "First", kind: "chat" });
  await client.updateThread({ ownerId: ada.id, threadId: thread.id, title: "Renamed", archived: true });
  const approval = await client.createApproval({ ownerId: ada.id, kind: "openclaw.restart", payload: { $why: "stuck" }, requestedBy: "agent" });
  await client.resolveApproval({ ownerId: ada.id, approvalId: approval.id, approved: true, resolvedBy: ada.id });
  await client.createApproval({ ownerId: ada.id, kind: "openclaw.backup", payload: null, requestedBy: "agent" });
  await client.grantCredits({ ownerId: ada.id, amount: 100, reason: "welcome", actorId: "root" });
  await client.debitCredits({ ownerId: ada.id, amount: 7, reason: "chat turn", reference: "resp_1" });
  await client.appendAudit({ actor: "api", action: "instance.restart", target: "t-ada", details: { reason: "test" } });
  return { ada, bob, token };
}

async function readEverything(client: ConvexClient, ownerId: string) {
  return {
    users: await client.listUsers(),
    account: await client.getAccount(ownerId),
    byWorkosId: await client.getAccountByWorkosId("user_ada"),
    byEmail: await client.getUserByEmail("ada@example.com"),
    waitlist: await client.listWaitlist(),
    instance: await client.getInstance(ownerId),
    instances: await client.listInstances(),
    keys: await client.listProviderKeys(ownerId),
    gatewayKeys: await client.getProviderKeysForGateway(ownerId),
    tokens: await client.listApiTokens(ownerId),
    threads: await client.listThreads(ownerId),
    approvals: await client.listApprovals({ ownerId }),
    pending: await client.listApprovals({ ownerId, status: "pending" }),
    billing: await client.billingSummary(ownerId),
    audit: await client.listAudit({ limit: 50 }),
  };
}

describe("startLocalConvex", () => {
  test("serves every client method end to end and keeps everything across a restart", async () => {
    const dataFile = join(directory, "restart", "convex.json");
    const first = await started(dataFile);
    const { ada, bob, token } = await populate(first.client);
    const before = await readEverything(first.client, ada.id);

    expect(before.account).toMatchObject({ user: { role: "admin", accessEnabled: true, accessChangedBy: "admin@example.com" }, balance: 93 });
    expect(before.users.find((user) => user.id === bob.id)).toMatchObject({ accessEnabled: true, accessChangedBy: ada.id });
    expect(before.byWorkosId).toEqual(before.account);
    expect(before.byEmail).toEqual(before.account?.user);
    expect(before.instance).toMatchObject({ status: "running", openclawVersion: "2026.9.6" });
    expect(before.instances).toHaveLength(1);
    expect(before.keys).toEqual([{ provider: "anthropic", last4: "6789", baseUrl: null, updatedAt: expect.any(Number) }]);
    expect(before.gatewayKeys).toEqual([{ provider: "anthropic", key: PROVIDER_KEY, baseUrl: null }]);
    expect(before.tokens.map((t) => [t.name, t.revokedAt !== null, t.lastUsedAt !== null])).toEqual([
      ["old", true, false],
      ["laptop", false, true],
    ]);
    expect(before.threads).toEqual([expect.objectContaining({ title: "Renamed", archived: true })]);
    expect(before.approvals.map((a) => a.status)).toEqual(["pending", "approved"]);
    expect(before.approvals[1]!.payload).toEqual({ $why: "stuck" });
    expect(before.pending).toHaveLength(1);
    expect(before.billing.entries.map((e) => e.delta)).toEqual([-7, 100]);
    expect(before.audit.map((e) => e.action)).toEqual(["instance.restart", "credits.grant", "approval.approve", "user.role.set", "user.access.enable", "waitlist.approve"]);
    await first.server.close();

    const second = await started(dataFile);
    expect(await readEverything(second.client, ada.id)).toEqual(before);
    expect(await second.client.authenticateApiToken("1".repeat(64))).toEqual({ tokenId: token.id, ...before.account });
    expect(await second.client.authenticateApiToken("2".repeat(64))).toBeNull();
    // Ids keep counting where they stopped: bob's deleted instance id is never handed out again.
    const again = await second.client.createInstance({ ownerId: bob.id, tenantId: "t-bob2", provider: "openai", model: "gpt-5.1" });
    const everyId = JSON.stringify(before);
    expect(everyId).not.toContain(again.id);
    await second.server.close();
  });

  test("each mutation is on disk before its response, sealed, without waiting for close", async () => {
    const dataFile = join(directory, "durable.json");
    const writer = await started(dataFile);
    const { user: ada } = await writer.client.upsertUser({ workosUserId: "user_ada", email: "ada@example.com" });
    await writer.client.setProviderKey({ ownerId: ada.id, provider: "anthropic", key: PROVIDER_KEY });
    const onDisk = await readFile(dataFile, "utf8");
    expect(onDisk).toContain(ada.id);
    expect(onDisk).not.toContain(PROVIDER_KEY);

    // A second server reading the same file (as after a crash of the first) sees it all.
    const reader = await started(dataFile);
    expect(await reader.client.getProviderKeysForGateway(ada.id)).toEqual([{ provider: "anthropic", key: PROVIDER_KEY, baseUrl: null }]);
    await reader.server.close();
    await writer.server.close();
  });

  test("reads do not rewrite the file", async () => {
    const dataFile = join(directory, "reads.json");
    const { server, client } = await started(dataFile);
    const { user: ada } = await client.upsertUser({ workosUserId: "user_ada", email: "ada@example.com" });
    await client.createApiToken({ ownerId: ada.id, name: "t", tokenHash: "3".repeat(64), prefix: "oa" });
    await client.authenticateApiToken("3".repeat(64));
    await writeFile(dataFile, (await readFile(dataFile, "utf8")).replace("{", '{"marker":1,'));
    await client.listUsers();
    await client.authenticateApiToken("3".repeat(64)); // a mutation that writes nothing within the lastUsedAt window
    expect(await readFile(dataFile, "utf8")).toContain('"marker":1');
    await server.close();
  });

  test("refuses a wrong control key on every path, with the client's error", async () => {
    const { server } = await started(join(directory, "auth.json"));
    const intruder = createConvexClient({ url: server.url, controlKey: "not-the-key" });
    expect(await failureOf(intruder.listUsers())).toMatchObject({ code: "unauthorized", status: 401 });
    expect(await failureOf(intruder.getProviderKeysForGateway("anything"))).toMatchObject({ code: "unauthorized", status: 401 });
    for (const path of ["/control/openclaw/instance", "/control/openclaw/billing/summary"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { "x-oa-user-id": "x" } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    await server.close();
  });

  test("errors reach the client with their codes; oversized bodies are 413", async () => {
    const { server, client } = await started(join(directory, "errors.json"));
    const { user: ada } = await client.upsertUser({ workosUserId: "user_ada", email: "ada@example.com" });
    await client.createInstance({ ownerId: ada.id, tenantId: "t-ada", provider: "openai", model: "gpt-5.1" });
    expect(await failureOf(client.createInstance({ ownerId: ada.id, tenantId: "t-2", provider: "openai", model: "m" }))).toMatchObject({
      code: "conflict",
      status: 409,
    });
    expect(await failureOf(client.deleteInstance("nobody"))).toMatchObject({ code: "not_found", status: 404 });
    const invalid = await failureOf(client.debitCredits({ ownerId: ada.id, amount: -1, reason: "x", reference: "r" }));
    expect(invalid).toMatchObject({ code: "invalid_request", status: 400, details: { issues: [expect.objectContaining({ path: "amount" })] } });
    const huge = await fetch(`${server.url}/control/rpc`, {
      method: "POST",
      headers: { "x-oa-control-key": CONTROL_KEY },
      body: "x".repeat(3 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "payload_too_large" } });
    await server.close();
  });

  test("concurrent requests: every write lands once, idempotent debits stay idempotent", async () => {
    const dataFile = join(directory, "concurrent.json");
    const { server, client } = await started(dataFile);
    const { user: ada } = await client.upsertUser({ workosUserId: "user_ada", email: "ada@example.com" });
    await client.grantCredits({ ownerId: ada.id, amount: 1000, reason: "seed", actorId: "root" });
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => client.debitCredits({ ownerId: ada.id, amount: 1, reason: "turn", reference: `turn:${i}` })),
      ...Array.from({ length: 10 }, () => client.debitCredits({ ownerId: ada.id, amount: 5, reason: "retried", reference: "turn:same" })),
      ...Array.from({ length: 20 }, (_, i) => client.upsertUser({ workosUserId: `user_${i}`, email: `u${i}@example.com` })),
      ...Array.from({ length: 20 }, () => client.listUsers()),
    ]);
    expect((await client.getAccount(ada.id))?.balance).toBe(1000 - 30 - 5);
    expect(await client.listUsers()).toHaveLength(21);
    await server.close();
    const restarted = await started(dataFile);
    expect((await restarted.client.getAccount(ada.id))?.balance).toBe(965);
    await restarted.server.close();
  });

  test("a damaged data file stops the start instead of starting empty", async () => {
    const dataFile = join(directory, "damaged.json");
    await writeFile(dataFile, "{ half a snapshot");
    await expect(startLocalConvex({ dataFile, controlKey: CONTROL_KEY, env })).rejects.toThrow(/not a convex-local snapshot/);
    expect(await readFile(dataFile, "utf8")).toBe("{ half a snapshot");
  });

  test("runs in plain Node, outside vitest's module loader", async () => {
    const script = `
      import { startLocalConvex } from ${JSON.stringify(new URL("./index.ts", import.meta.url).href)};
      import { createConvexClient } from "@openclaw-cloud/convex-client";
      const server = await startLocalConvex({ dataFile: process.argv[1], controlKey: "k", env: ${JSON.stringify(env)} });
      const client = createConvexClient({ url: server.url, controlKey: "k" });
      const { user } = await client.upsertUser({ workosUserId: "user_node", email: "node@example.com" });
      await client.setProviderKey({ ownerId: user.id, provider: "openai", key: "sk-plain-node-1234" });
      console.log(JSON.stringify(await client.getProviderKeysForGateway(user.id)));
      await server.close();
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, join(directory, "node.json")], {
      cwd: import.meta.dirname,
    });
    expect(JSON.parse(stdout)).toEqual([{ provider: "openai", key: "sk-plain-node-1234", baseUrl: null }]);
  });

  test("servers in one process must agree on the functions' environment", async () => {
    const { server } = await started(join(directory, "env-a.json"));
    await expect(startLocalConvex({ dataFile: join(directory, "env-b.json"), controlKey: "another-control-key-000000", env })).rejects.toThrow(/OA_CONTROL_KEY is already set/);
    await server.close();
  });
});
