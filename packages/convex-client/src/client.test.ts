import { describe, expect, test } from "vitest";
import { ConvexClientError, controlRpcUrl, createConvexClient } from "./client.ts";

const user = {
  id: "u1",
  workosUserId: "user_1",
  email: "ada@example.com",
  name: null,
  role: "user",
  accessEnabled: false,
  accessChangedBy: null,
  accessChangedAt: null,
  createdAt: 1,
};
const account = { user, balance: 42 };

function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  const client = createConvexClient({
    url: "https://happy-otter-123.convex.cloud",
    controlKey: "secret-control-key",
    fetch: async (request) => {
      seen.push(request.clone());
      return await answer(request);
    },
  });
  return { client, seen };
}

async function failureOf(promise: Promise<unknown>): Promise<ConvexClientError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConvexClientError);
  return error as ConvexClientError;
}

describe("createConvexClient", () => {
  test("posts { function, args } with the control key to the HTTP actions origin", async () => {
    const { client, seen } = clientAnswering(() => Response.json({ value: account }));
    expect(await client.getAccount("u1")).toEqual(account);
    const [request] = seen;
    expect(request!.url).toBe("https://happy-otter-123.convex.site/control/rpc");
    expect(request!.method).toBe("POST");
    expect(request!.headers.get("x-oa-control-key")).toBe("secret-control-key");
    expect(await request!.json()).toEqual({ function: "getAccount", args: { userId: "u1" } });
  });

  test("keeps a local URL as it is", () => {
    expect(controlRpcUrl("http://127.0.0.1:3210").href).toBe("http://127.0.0.1:3210/control/rpc");
  });

  test("positional methods wrap their argument, void methods resolve to undefined", async () => {
    const { client, seen } = clientAnswering(() => Response.json({ value: null }));
    expect(await client.deleteInstance("u1")).toBeUndefined();
    expect(await client.authenticateApiToken("a".repeat(64))).toBeNull();
    const bodies = await Promise.all(seen.map((request) => request.json()));
    expect(bodies.slice(0, 2)).toEqual([
      { function: "deleteInstance", args: { ownerId: "u1" } },
      { function: "authenticateApiToken", args: { tokenHash: "a".repeat(64) } },
    ]);
  });

  test("authenticateApiToken answers with the token's account: its id, the whole user record and the balance", async () => {
    const authenticated = { tokenId: "t1", ...account };
    const { client } = clientAnswering(() => Response.json({ value: authenticated }));
    expect(await client.authenticateApiToken("a".repeat(64))).toEqual(authenticated);
    const { client: partial } = clientAnswering(() => Response.json({ value: { tokenId: "t1", user } }));
    expect(await failureOf(partial.authenticateApiToken("a".repeat(64)))).toMatchObject({ code: "bad_response", status: 502 });
  });

  test("an error body becomes a ConvexClientError with its code and status", async () => {
    const { client } = clientAnswering(() => Response.json({ error: { code: "conflict", message: "user u1 already has an instance" } }, { status: 409 }));
    const error = await failureOf(client.createInstance({ ownerId: "u1", tenantId: "t-1", provider: "openai", model: "gpt-5" }));
    expect(error).toMatchObject({ code: "conflict", status: 409 });
    expect(error.message).toBe("convex createInstance: user u1 already has an instance");
  });

  test("a non-JSON failure is a bad_response with the status it came with", async () => {
    const { client } = clientAnswering(() => new Response("upstream exploded", { status: 502 }));
    expect(await failureOf(client.listUsers())).toMatchObject({ code: "bad_response", status: 502 });
  });

  test("a 200 that breaks the contract is a bad_response, not data", async () => {
    const { client } = clientAnswering(() => Response.json({ value: { user: { ...user, role: "superuser" }, balance: 0 } }));
    expect(await failureOf(client.getAccount("u1"))).toMatchObject({ code: "bad_response", status: 502 });
  });

  test("a fetch that throws is unavailable", async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError("connection refused");
    });
    const error = await failureOf(client.getAccountByWorkosId("user_1"));
    expect(error).toMatchObject({ code: "unavailable", status: 503 });
    expect(error.message).toContain("connection refused");
  });

  test("a call that outlives timeoutMs is unavailable", async () => {
    const client = createConvexClient({
      url: "http://127.0.0.1:1",
      controlKey: "k",
      timeoutMs: 20,
      fetch: () => new Promise(() => {}),
    });
    const error = await failureOf(client.listUsers());
    expect(error).toMatchObject({ code: "unavailable", status: 503 });
    expect(error.message).toContain("no answer within 20 ms");
  });
});
