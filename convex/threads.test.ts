import { describe, expect, test } from "vitest";
import { controlPlane } from "./test.setup";

describe("threads", () => {
  test("create, rename, archive; listed most recently updated first", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser();
    const chat = await rpc("createThread", { ownerId: ada.id, title: "First chat", kind: "chat" });
    expect(chat).toEqual({
      id: expect.any(String),
      ownerId: ada.id,
      title: "First chat",
      kind: "chat",
      archived: false,
      createdAt: expect.any(Number),
      updatedAt: chat.createdAt,
    });
    const project = await rpc("createThread", { ownerId: ada.id, title: "Plan", kind: "project" });
    const renamed = await rpc("updateThread", { ownerId: ada.id, threadId: chat.id, title: "Renamed" });
    expect(renamed).toMatchObject({ title: "Renamed", archived: false });
    const archived = await rpc("updateThread", { ownerId: ada.id, threadId: project.id, archived: true });
    expect(archived).toMatchObject({ title: "Plan", archived: true });
    expect((await rpc("listThreads", { ownerId: ada.id })).map((thread: { id: string }) => thread.id)).toEqual([project.id, chat.id]);
  });

  test("threads are private to their owner", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const chat = await rpc("createThread", { ownerId: ada.id, title: "mine", kind: "openclaw" });
    expect(await rpc("listThreads", { ownerId: bob.id })).toEqual([]);
    await expectError(call("updateThread", { ownerId: bob.id, threadId: chat.id, title: "stolen" }), 404, "not_found");
    expect((await rpc("listThreads", { ownerId: ada.id }))[0].title).toBe("mine");
    await expectError(call("createThread", { ownerId: "nobody", title: "x", kind: "chat" }), 404, "not_found");
  });

  test("bad input is a 400", async () => {
    const { call, newUser, expectError } = controlPlane();
    const ada = await newUser();
    await expectError(call("createThread", { ownerId: ada.id, title: "x", kind: "email" }), 400, "invalid_request");
    await expectError(call("createThread", { ownerId: ada.id, title: "x".repeat(201), kind: "chat" }), 400, "invalid_request");
    await expectError(call("updateThread", { ownerId: ada.id, threadId: "t", archived: "yes" }), 400, "invalid_request");
  });
});

describe("a thread's own reads and turns", () => {
  test("getThread answers the owner only; malformed and unknown ids are null", async () => {
    const { rpc, newUser } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const chat = await rpc("createThread", { ownerId: ada.id, title: "mine", kind: "chat" });
    expect(await rpc("getThread", { ownerId: ada.id, threadId: chat.id })).toEqual(chat);
    expect(await rpc("getThread", { ownerId: bob.id, threadId: chat.id })).toBeNull();
    expect(await rpc("getThread", { ownerId: ada.id, threadId: "nope" })).toBeNull();
  });

  test("recordThreadTurn bumps updatedAt and names a thread only while it is untitled", async () => {
    const { rpc, call, newUser, expectError } = controlPlane();
    const ada = await newUser("ada@example.com");
    const bob = await newUser("bob@example.com");
    const chat = await rpc("createThread", { ownerId: ada.id, title: "New chat", kind: "chat" });
    const older = await rpc("createThread", { ownerId: ada.id, title: "Older", kind: "chat" });
    const named = await rpc("recordThreadTurn", { ownerId: ada.id, threadId: chat.id, untitled: "New chat", suggestedTitle: "Plan a trip" });
    expect(named).toMatchObject({ id: chat.id, title: "Plan a trip" });
    expect(named.updatedAt).toBeGreaterThanOrEqual(chat.updatedAt);
    const kept = await rpc("recordThreadTurn", { ownerId: ada.id, threadId: chat.id, untitled: "New chat", suggestedTitle: "Something else" });
    expect(kept.title).toBe("Plan a trip");
    const bumped = await rpc("recordThreadTurn", { ownerId: ada.id, threadId: older.id, untitled: "New chat" });
    expect(bumped.title).toBe("Older");
    expect((await rpc("listThreads", { ownerId: ada.id }))[0].id).toBe(older.id);
    await expectError(call("recordThreadTurn", { ownerId: bob.id, threadId: chat.id, untitled: "New chat", suggestedTitle: "stolen" }), 404, "not_found");
    await expectError(call("recordThreadTurn", { ownerId: ada.id, threadId: chat.id, untitled: "New chat", suggestedTitle: "" }), 400, "invalid_request");
  });
});
