import { connect } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, startModelServer, type DeltaEvent, type ModelServer, type ReplyEvent } from "./server.ts";
import { parseSse } from "./test-helpers.ts";

const readTool = { type: "function" as const, function: { name: "read", parameters: { type: "object" } } };

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());

function post(path: string, body: unknown, base = server.url) {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

type ErrorBody = { error: { message: string; type: string; param: string | null; code: string | null } };

async function errorOf(response: Response) {
  return ((await response.json()) as ErrorBody).error;
}

async function withServer<T>(options: Parameters<typeof startModelServer>[0], run: (server: ModelServer) => Promise<T>) {
  const scoped = await startModelServer(options);
  try {
    return await run(scoped);
  } finally {
    await scoped.close();
  }
}

describe("GET /v1/models", () => {
  it("lists models in OpenAI's format", async () => {
    const response = await fetch(`${server.url}/v1/models`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      object: "list",
      data: [{ id: "echo-1", object: "model", created: 0, owned_by: "openclaw-cloud" }],
    });
  });
});

describe("POST /v1/chat/completions", () => {
  it("answers without streaming, from content-part arrays, with usage", async () => {
    const response = await post("/v1/chat/completions", {
      model: "any-model",
      messages: [
        { role: "system", content: "long system prompt" },
        {
          role: "user",
          content: [
            { type: "text", text: "hello" },
            { type: "image_url", image_url: { url: "data:," } },
          ],
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: "chat.completion",
      model: "any-model",
      choices: [{ message: { role: "assistant", content: "Echo: hello" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 },
    });
  });

  it("streams SSE chunks with unbuffered headers, usage and [DONE]", async () => {
    const response = await post("/v1/chat/completions", {
      model: "echo-1",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: [{ type: "text", text: "stream me" }] }],
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const messages = parseSse(await response.text());
    expect(messages.at(-1)?.data).toBe("[DONE]");
    const chunks = messages.slice(0, -1).map((message) => JSON.parse(message.data));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe("Echo: stream me");
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 3 } });
  });

  it("streams [words:N] as N+ deltas separated by tokenDelayMs", async () => {
    const tokenDelayMs = 5;
    await withServer({ tokenDelayMs }, async (slow) => {
      const deltas: DeltaEvent[] = [];
      slow.on("delta", (event) => deltas.push(event));
      const response = await post("/v1/chat/completions", { stream: true, messages: [{ role: "user", content: "[words:40]" }] }, slow.url);
      const reader = response.body!.getReader();
      let reads = 0;
      let text = "";
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        reads++;
        text += new TextDecoder().decode(read.value);
      }
      const contents = parseSse(text).flatMap((message) => (message.data === "[DONE]" ? [] : (JSON.parse(message.data).choices[0]?.delta.content ?? [])));
      expect(contents.filter((content: string) => content !== "").length).toBeGreaterThanOrEqual(40);
      expect(reads).toBeGreaterThan(1);
      expect(deltas.map((event) => event.index)).toEqual(deltas.map((_, index) => index));
      const elapsed = deltas.at(-1)!.at - deltas[0]!.at;
      // Loose bound: timers never fire much early, and only the mean gap is checked.
      expect(elapsed / (deltas.length - 1)).toBeGreaterThanOrEqual(tokenDelayMs - 1);
    });
  });

  it("tells its listeners what each request was answered, under the id its answer carries", async () => {
    const replies: ReplyEvent[] = [];
    const stop = server.on("reply", (event) => replies.push(event));
    try {
      const answer = (await (await post("/v1/chat/completions", { messages: [{ role: "user", content: "which one" }] })).json()) as { id: string };
      const streamed = await post("/v1/responses", { stream: true, input: "and this one" });
      const created = parseSse(await streamed.text()).find((message) => message.event === "response.created");
      expect(replies.map((event) => event.plan)).toEqual([
        { kind: "text", text: "Echo: which one" },
        { kind: "text", text: "Echo: and this one" },
      ]);
      expect(answer.id).toBe(`chatcmpl-${replies[0]!.requestId}`);
      expect(JSON.parse(created!.data).response.id).toBe(`resp_${replies[1]!.requestId}`);
    } finally {
      stop();
    }
  });

  it("completes a tool call round trip", async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "unused" });
    const userMessage = { role: "user" as const, content: 'read it [tool:read {"path":"notes.txt"}]' };
    const first = await client.chat.completions.create({ model: "echo-1", messages: [userMessage], tools: [readTool] });
    const call = first.choices[0]!.message.tool_calls![0]!;
    expect(first.choices[0]!.finish_reason).toBe("tool_calls");
    expect(call).toMatchObject({ type: "function", function: { name: "read", arguments: '{"path":"notes.txt"}' } });

    const second = await client.chat.completions.create({
      model: "echo-1",
      tools: [readTool],
      messages: [userMessage, first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: "the notes" }],
    });
    expect(second.choices[0]!.message.content).toBe("Tool read returned: the notes");
  });
});

describe("POST /v1/responses", () => {
  it("streams the Responses event sequence with event and data lines", async () => {
    const response = await post("/v1/responses", { model: "echo-1", stream: true, input: "hi" });
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.every((event) => JSON.parse(event.data).type === event.event)).toBe(true);
  });

  it("answers without streaming", async () => {
    const response = await post("/v1/responses", { input: [{ role: "user", content: [{ type: "input_text", text: "hi" }] }] });
    expect(await response.json()).toMatchObject({ status: "completed", output: [{ content: [{ text: "Echo: hi" }] }] });
  });
});

describe("official openai SDK", () => {
  const client = () => new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sk-test" });

  it("streams chat.completions.create", async () => {
    const stream = await client().chat.completions.create({
      model: "echo-1",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "from the sdk" }],
    });
    let text = "";
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("Echo: from the sdk");
    expect(usage).toMatchObject({ completion_tokens: 4 });
  });

  it("streams responses.create", async () => {
    const stream = await client().responses.create({ model: "echo-1", stream: true, input: "from the sdk" });
    let text = "";
    let completed: unknown;
    for await (const event of stream) {
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") completed = event.response;
    }
    expect(text).toBe("Echo: from the sdk");
    expect(completed).toMatchObject({ status: "completed", usage: { output_tokens: 4 } });
  });

  it("accumulates a streamed function call with responses.stream", async () => {
    const stream = client().responses.stream({
      model: "echo-1",
      input: '[tool:read {"path":"a"}]',
      tools: [{ type: "function", name: "read", parameters: { type: "object" }, strict: false }],
    });
    const final = await stream.finalResponse();
    expect(final.output[0]).toMatchObject({ type: "function_call", name: "read", arguments: '{"path":"a"}' });
  });
});

describe("errors", () => {
  it("requires the bearer key when one is configured", async () => {
    await withServer({ apiKey: "secret" }, async (keyed) => {
      for (const authorization of [undefined, "Bearer wrong"]) {
        const response = await fetch(`${keyed.url}/v1/models`, { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(await errorOf(response)).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
      }
      const models = await new OpenAI({ baseURL: `${keyed.url}/v1`, apiKey: "secret" }).models.list();
      expect(models.data.map((model) => model.id)).toEqual(["echo-1"]);
    });
  });

  it.each([
    ["invalid JSON", "/v1/chat/completions", "{not json", 400, "invalid_json"],
    ["an invalid body", "/v1/chat/completions", { messages: "hi" }, 400, "invalid_request_body"],
    ["an invalid Responses body", "/v1/responses", { input: 42 }, 400, "invalid_request_body"],
    ["an unknown route", "/v1/embeddings", {}, 404, "unknown_url"],
    ["the wrong method", "/v1/models", {}, 405, "method_not_allowed"],
  ])("rejects %s", async (_name, path, body, status, code) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: "invalid_request_error", code });
    expect(Object.keys(error).sort()).toEqual(["code", "message", "param", "type"]);
  });

  it("names the invalid field and allowed method", async () => {
    const invalid = await post("/v1/chat/completions", { messages: [{ role: "user", content: 5 }] });
    expect((await errorOf(invalid)).param).toBe("messages.0.content");
    const wrongMethod = await post("/v1/models", {});
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("rejects bodies over the size limit with 413", async () => {
    const response = await post("/v1/chat/completions", "x".repeat(MAX_BODY_BYTES + 1));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("request_too_large");
  });
});

describe("misbehaving clients", () => {
  it("survives a client that disconnects mid-upload", async () => {
    const socket = connect(server.port, "127.0.0.1");
    socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"mess');
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
    expect((await fetch(`${server.url}/v1/models`)).status).toBe(200);
  });
});

describe("stream lifecycle", () => {
  const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;

  it("stops generating and clears the token timer when the client disconnects mid-stream", async () => {
    // A long delay means a leaked timer would still be pending when checked.
    await withServer({ tokenDelayMs: 5000 }, async (slow) => {
      const deltas: DeltaEvent[] = [];
      slow.on("delta", (event) => deltas.push(event));
      const client = new AbortController();
      const response = await fetch(`${slow.url}/v1/chat/completions`, {
        method: "POST",
        body: JSON.stringify({ stream: true, messages: [{ role: "user", content: "[words:100]" }] }),
        signal: client.signal,
      });
      const reader = response.body!.getReader();
      while (deltas.length < 1) await reader.read();
      // Counted while the stream waits on its next token: the process's other timers (the
      // test runner's) come and go, so a count taken before the request is no baseline.
      const whileStreaming = pendingTimers();
      expect(whileStreaming).toBeGreaterThan(0);
      client.abort();
      // The abort reaches the server as a closed socket, which a loaded machine has taken over
      // a second to deliver; a leaked timer would still be pending after 4 s of its 5.
      await expect.poll(pendingTimers, { timeout: 4000 }).toBeLessThan(whileStreaming);
      expect(deltas).toHaveLength(1);
    });
  });

  it("close() ends running streams promptly", async () => {
    const slow = await startModelServer({ tokenDelayMs: 1000 });
    const response = await post("/v1/responses", { stream: true, input: "[words:100]" }, slow.url);
    const reader = response.body!.getReader();
    await reader.read();
    const started = performance.now();
    await slow.close();
    expect(performance.now() - started).toBeLessThan(500);
    const readToEnd = async () => {
      while (!(await reader.read()).done);
    };
    await expect(readToEnd()).rejects.toThrow();
  });
});
