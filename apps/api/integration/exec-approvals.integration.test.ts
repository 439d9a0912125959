import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecApprovalView as ExecApproval } from "@openclaw-cloud/contracts/threads";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { startLocalStack, type LocalStack } from "@openclaw-cloud/local-stack";
import { apiRequest, errorCode, json, type ApiInit } from "./api-client.ts";

// OpenClaw's own exec approvals on the whole local stack, with one real gateway: the
// platform's config makes the gateway's `exec` tool ask (tools.exec mode "ask"), the
// runtime's operator connection is the approval client, and the API lists and answers
// the requests. The model server calls `exec` when the user text says
// `[tool:exec {...}]` and the gateway offers that tool.
const ADMIN = { workosUserId: "user_ea_admin", email: "admin@ea.test", name: "Admin" };
const CAROL = { workosUserId: "user_ea_carol", email: "carol@ea.test", name: "Carol" };
const DAN = { workosUserId: "user_ea_dan", email: "dan@ea.test", name: "Dan" };

let stack: LocalStack;
const stateDir = join(process.env.TMPDIR ?? tmpdir(), `occ-exec-it-${process.pid}`);

beforeAll(async () => {
  stack = await startLocalStack({
    stateDir,
    apiVars: { ADMIN_EMAILS: ADMIN.email, RATE_LIMIT_BURST: "1000", RATE_LIMIT_PER_SECOND: "1000" },
  });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

function api(user: typeof CAROL, path: string, init: ApiInit = {}): Promise<Response> {
  return apiRequest(stack, user, path, init);
}

async function pending(user: typeof CAROL): Promise<ExecApproval[]> {
  return (await json<{ approvals: ExecApproval[] }>(await api(user, "/api/openclaw/exec-approvals"))).approvals;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A chat turn whose model output calls the gateway's exec tool; its answer is read in the background. */
function execTurn(command: string, sessionKey: string): Promise<string> {
  const message = `please run it [tool:exec ${JSON.stringify({ command })}]`;
  const turn = api(CAROL, "/api/openclaw/chat", { method: "POST", json: { message, sessionKey } }).then(async (response) => {
    const text = await response.text();
    if (!response.ok) throw new Error(`chat turn failed ${response.status}: ${text}`);
    return text;
  });
  // Awaited by the test that started it; a test that fails first must not leave it unhandled.
  turn.catch(() => {});
  return turn;
}

/** A file the command creates in Carol's sandbox: its path there, and whether it exists (read on this machine). */
function marker(name: string): { path: string; exists: () => Promise<boolean> } {
  const file = `occ-exec-${name}-${randomBytes(6).toString("hex")}`;
  return {
    path: `${SANDBOX_LAYOUT.home}/${file}`,
    async exists() {
      const host = (path: string) => fetch(`${stack.sandboxHostUrl}${path}`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } }).then((r) => r.json());
      const { sandboxes } = (await host("/sandboxes")) as { sandboxes: string[] };
      for (const id of sandboxes) if (existsSync(join(((await host(`/sandboxes/${id}`)) as { home: string }).home, file))) return true;
      return false;
    },
  };
}

describe("OpenClaw exec approvals through the API", () => {
  it("Carol gets an instance whose gateway has nothing waiting yet", async () => {
    const me = await json<{ user: { id: string } }>(await api(CAROL, "/api/me"));
    await json(await api(ADMIN, `/api/admin/users/${me.user.id}/access`, { method: "POST", json: { enabled: true } }));
    await json(await api(ADMIN, `/api/admin/users/${me.user.id}/credits`, { method: "POST", json: { amount: 1_000_000, reason: "integration" } }), 201);
    const created = await json<{ status: { state: string } }>(await api(CAROL, "/api/openclaw/instance", { method: "POST", json: {} }), 201);
    expect(JSON.stringify(created)).toContain("running");
    expect(await pending(CAROL)).toEqual([]);
  });

  it("a command the agent wants to run waits for Carol; allow-once lets it run", async () => {
    const file = marker("allowed");
    const command = `touch ${file.path}`;
    const turn = execTurn(command, "exec-allow");
    const [request] = await waitFor("the exec approval", async () => {
      const list = await pending(CAROL);
      return list.length > 0 ? list : null;
    });
    expect(request).toMatchObject({ id: expect.any(String), command, createdAt: expect.any(Number) });
    expect(request!.sessionKey ?? "").toContain("exec-allow");
    // Waiting means not run yet.
    expect(await file.exists()).toBe(false);

    const resolved = await json<{ id: string; decision: string }>(await api(CAROL, `/api/openclaw/exec-approvals/${request!.id}`, { method: "POST", json: { decision: "allow-once" } }));
    expect(resolved).toEqual({ id: request!.id, decision: "allow-once" });
    await waitFor("the approved command to run", () => file.exists(), 30_000);
    await turn;
    expect(await pending(CAROL)).toEqual([]);
    // Answered once: a second answer finds nothing pending.
    expect(await errorCode(await api(CAROL, `/api/openclaw/exec-approvals/${request!.id}`, { method: "POST", json: { decision: "deny" } }))).toBe("no_pending_exec_approval");

    const audit = await json<{ entries: Array<{ action: string; target: string }> }>(await api(ADMIN, "/api/admin/audit?limit=100"));
    expect(audit.entries.some((e) => e.action === "exec_approval.allow-once" && e.target === request!.id)).toBe(true);
  });

  it("deny keeps the command from running", async () => {
    const file = marker("denied");
    const command = `touch ${file.path}`;
    const turn = execTurn(command, "exec-deny");
    const [request] = await waitFor("the exec approval", async () => {
      const list = await pending(CAROL);
      return list.length > 0 ? list : null;
    });
    expect(request!.command).toBe(command);
    await json(await api(CAROL, `/api/openclaw/exec-approvals/${request!.id}`, { method: "POST", json: { decision: "deny" } }));
    await turn;
    expect(await file.exists()).toBe(false);
    expect(await pending(CAROL)).toEqual([]);
  });

  it("another user sees none of Carol's approvals and cannot answer them", async () => {
    const file = marker("others");
    const turn = execTurn(`touch ${file.path}`, "exec-others");
    const [request] = await waitFor("the exec approval", async () => {
      const list = await pending(CAROL);
      return list.length > 0 ? list : null;
    });
    const dan = await json<{ user: { id: string } }>(await api(DAN, "/api/me"));
    await json(await api(ADMIN, `/api/admin/users/${dan.user.id}/access`, { method: "POST", json: { enabled: true } }));
    // Dan has no instance of his own: his requests never reach Carol's gateway.
    expect(await errorCode(await api(DAN, "/api/openclaw/exec-approvals"))).toBe("no_instance");
    expect(await errorCode(await api(DAN, `/api/openclaw/exec-approvals/${request!.id}`, { method: "POST", json: { decision: "allow-once" } }))).toBe("no_instance");
    expect((await pending(CAROL)).map((a) => a.id)).toEqual([request!.id]);
    await json(await api(CAROL, `/api/openclaw/exec-approvals/${request!.id}`, { method: "POST", json: { decision: "deny" } }));
    await turn;
    expect(await file.exists()).toBe(false);
  });
});
