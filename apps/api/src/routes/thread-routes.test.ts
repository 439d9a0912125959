import { DEFAULT_THREAD_TITLE } from "@openclaw-cloud/contracts/threads";
import { describe, expect, it } from "vitest";
import { call, expectError, jsonOf, newUser, type TestUser } from "../test-harness.ts";
import { sessionUser } from "./session-user.ts";

interface ThreadBody {
  id: string;
  title: string;
  kind: string;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

async function bearerOf(user: TestUser): Promise<Record<string, string>> {
  const { token } = await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "threads" } }));
  return { authorization: `Bearer ${token}` };
}

async function createThread(headers: Record<string, string>, json?: unknown): Promise<ThreadBody> {
  const response = await call("/api/threads", { method: "POST", headers, ...(json === undefined ? {} : { json }) });
  expect(response.status).toBe(201);
  return (await jsonOf<{ thread: ThreadBody }>(response)).thread;
}

describe("thread index", () => {
  it("creates (default title), lists newest first, reads, renames, archives and unarchives", async () => {
    const user = await newUser({ access: true });
    const bearer = await bearerOf(user);
    const first = await createThread(bearer);
    expect(first).toEqual({ id: expect.stringMatching(/^[a-z0-9]{10,64}$/), title: DEFAULT_THREAD_TITLE, kind: "chat", archived: false, createdAt: expect.any(Number), updatedAt: first.createdAt });
    expect(first).not.toHaveProperty("ownerId");
    const second = await createThread(user.headers, { title: "  Trip plans  " });
    expect(second.title).toBe("Trip plans");

    const listed = await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads", { headers: bearer }));
    expect(listed.threads.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(await jsonOf(await call(`/api/threads/${first.id}`, { headers: bearer }))).toEqual({ thread: first });

    const renamed = await jsonOf<{ thread: ThreadBody }>(await call(`/api/threads/${first.id}`, { method: "PATCH", headers: bearer, json: { title: "Renamed" } }));
    expect(renamed.thread).toMatchObject({ id: first.id, title: "Renamed", archived: false });
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads", { headers: bearer }))).threads[0]!.id).toBe(first.id);

    await call(`/api/threads/${second.id}`, { method: "PATCH", headers: bearer, json: { archived: true } });
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads", { headers: bearer }))).threads.map((t) => t.id)).toEqual([first.id]);
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads?archived=true", { headers: bearer }))).threads.map((t) => t.id)).toEqual([second.id]);
    await call(`/api/threads/${second.id}`, { method: "PATCH", headers: bearer, json: { archived: false } });
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads?archived=true", { headers: bearer }))).threads).toEqual([]);
  });

  it("works with the website's session cookie", async () => {
    const { cookie } = await sessionUser();
    const thread = await createThread({ cookie });
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads", { headers: { cookie } }))).threads.map((t) => t.id)).toEqual([thread.id]);
  });

  it("another user's thread, an unknown id and a malformed id are all 404 not_found, and nothing changes", async () => {
    const owner = await newUser({ access: true });
    const other = await newUser({ access: true });
    const thread = await createThread(owner.headers, { title: "private" });
    await expectError(await call(`/api/threads/${thread.id}`, { headers: other.headers }), 404, "not_found");
    await expectError(await call(`/api/threads/${thread.id}`, { method: "PATCH", headers: other.headers, json: { title: "stolen" } }), 404, "not_found");
    await expectError(await call(`/api/threads/${"0".repeat(20)}threads`, { headers: owner.headers }), 404, "not_found");
    await expectError(await call("/api/threads/Not%20An%20Id", { headers: owner.headers }), 404, "not_found");
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads", { headers: other.headers }))).threads).toEqual([]);
    expect((await jsonOf<{ thread: ThreadBody }>(await call(`/api/threads/${thread.id}`, { headers: owner.headers }))).thread.title).toBe("private");
  });

  it("bad bodies and queries are 400 with a stable code", async () => {
    const user = await newUser({ access: true });
    const thread = await createThread(user.headers);
    const cases: Array<[string, string, string | undefined, string]> = [
      ["POST", "/api/threads", JSON.stringify({ title: "" }), "invalid_request"],
      ["POST", "/api/threads", JSON.stringify({ title: "x".repeat(121) }), "invalid_request"],
      ["POST", "/api/threads", JSON.stringify({ title: "a", kind: "project" }), "invalid_request"],
      ["POST", "/api/threads", "{", "invalid_json"],
      ["PATCH", `/api/threads/${thread.id}`, JSON.stringify({}), "invalid_request"],
      ["PATCH", `/api/threads/${thread.id}`, JSON.stringify({ archived: "yes" }), "invalid_request"],
      ["PATCH", `/api/threads/${thread.id}`, "", "invalid_json"],
      ["GET", "/api/threads?archived=maybe", undefined, "invalid_request"],
      ["GET", "/api/threads?other=1", undefined, "invalid_request"],
    ];
    for (const [method, path, body, code] of cases) {
      const response = await call(path, { method, headers: { ...user.headers, "content-type": "application/json" }, ...(body !== undefined ? { body } : {}) });
      await expectError(response, 400, code).catch((error: Error) => {
        throw new Error(`${method} ${path} ${body}: ${error.message}`);
      });
    }
    expect((await jsonOf<{ thread: ThreadBody }>(await call(`/api/threads/${thread.id}`, { headers: user.headers }))).thread).toEqual(thread);
  });
});

describe("a thread's turns", () => {
  const turn = { userText: "  Plan a trip to Lisbon\nwith two kids in May", model: "echo-1", usage: { inputTokens: 30, outputTokens: 12 } };

  it("debits the usage as a thread turn, bumps the thread and names it from its first message", async () => {
    const user = await newUser({ access: true, credits: 100 });
    const thread = await createThread(user.headers);
    const older = await createThread(user.headers, { title: "Older" });
    const response = await call(`/api/threads/${thread.id}/turns`, { method: "POST", headers: user.headers, json: { ...turn, turnId: "msg-1" } });
    expect(response.status).toBe(200);
    const body = await jsonOf<{ thread: ThreadBody; balance: number }>(response);
    expect(body).toEqual({ thread: { ...thread, title: "Plan a trip to Lisbon", updatedAt: expect.any(Number) }, balance: 58 });
    expect((await jsonOf<{ threads: ThreadBody[] }>(await call("/api/threads", { headers: user.headers }))).threads.map((t) => t.id)).toEqual([thread.id, older.id]);

    // A retried report of the same turn debits once; a later turn keeps the title.
    const retried = await jsonOf<{ balance: number }>(await call(`/api/threads/${thread.id}/turns`, { method: "POST", headers: user.headers, json: { ...turn, turnId: "msg-1" } }));
    expect(retried.balance).toBe(58);
    const next = await jsonOf<{ thread: ThreadBody; balance: number }>(
      await call(`/api/threads/${thread.id}/turns`, { method: "POST", headers: user.headers, json: { ...turn, userText: "and hotels?", usage: { inputTokens: 8, outputTokens: 0 } } }),
    );
    expect(next).toMatchObject({ thread: { title: "Plan a trip to Lisbon" }, balance: 50 });

    const summary = await jsonOf<{ entries: Array<{ delta: number; reason: string; reference: string | null }> }>(await call("/api/openclaw/billing/summary", { headers: user.headers }));
    const debits = summary.entries.filter((entry) => entry.delta < 0);
    expect(debits).toHaveLength(2);
    expect(debits.every((entry) => entry.reason.startsWith("thread turn"))).toBe(true);
    expect(debits.map((entry) => entry.reference)).toContain(`thread-turn:${thread.id}:msg-1`);

    // A thread the person renamed keeps its name.
    await call(`/api/threads/${older.id}`, { method: "PATCH", headers: user.headers, json: { title: "Mine" } });
    const kept = await jsonOf<{ thread: ThreadBody }>(await call(`/api/threads/${older.id}/turns`, { method: "POST", headers: user.headers, json: turn }));
    expect(kept.thread.title).toBe("Mine");
  });

  it("is for the internal key only: a session or an API token gets 403 forbidden and nothing is debited", async () => {
    const user = await newUser({ access: true, credits: 100 });
    const thread = await createThread(user.headers);
    await expectError(await call(`/api/threads/${thread.id}/turns`, { method: "POST", headers: await bearerOf(user), json: turn }), 403, "forbidden");
    const session = await sessionUser(100);
    const own = await createThread({ cookie: session.cookie });
    await expectError(await call(`/api/threads/${own.id}/turns`, { method: "POST", headers: { cookie: session.cookie }, json: turn }), 403, "forbidden");
    expect((await jsonOf<{ balance: number }>(await call("/api/openclaw/billing/summary", { headers: user.headers }))).balance).toBe(100);
    expect((await jsonOf<{ thread: ThreadBody }>(await call(`/api/threads/${thread.id}`, { headers: user.headers }))).thread).toEqual(thread);
  });

  it("another user's thread is 404; bad bodies are 400", async () => {
    const owner = await newUser({ access: true, credits: 100 });
    const other = await newUser({ access: true, credits: 100 });
    const thread = await createThread(owner.headers);
    await expectError(await call(`/api/threads/${thread.id}/turns`, { method: "POST", headers: other.headers, json: turn }), 404, "not_found");
    for (const json of [{ ...turn, usage: { inputTokens: -1, outputTokens: 0 } }, { ...turn, model: "" }, { userText: "hi" }, { ...turn, extra: true }, { ...turn, turnId: "" }]) {
      await expectError(await call(`/api/threads/${thread.id}/turns`, { method: "POST", headers: owner.headers, json }), 400, "invalid_request");
    }
    expect((await jsonOf<{ balance: number }>(await call("/api/openclaw/billing/summary", { headers: owner.headers }))).balance).toBe(100);
  });
});
