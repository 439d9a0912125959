import { CreateThreadBodySchema, DEFAULT_THREAD_TITLE, ThreadIdSchema, ThreadTurnBodySchema, UpdateThreadBodySchema } from "@openclaw-cloud/contracts/threads";
import type { Thread } from "@openclaw-cloud/convex-client";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { creditsFor } from "../billing/credits.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { titleFromUserText } from "../threads/thread-title.ts";
import { threadView } from "../threads/views.ts";

const ListQuerySchema = z.strictObject({ archived: z.enum(["true", "false"]).optional() });

/**
 * The caller's thread, or 404 not_found: another user's thread, an unknown id and a
 * malformed id are all answered alike, so ids of other users' threads cannot be probed.
 */
export async function requireOwnThread(c: ApiContext, threadId: string | undefined): Promise<Thread> {
  const parsed = ThreadIdSchema.safeParse(threadId);
  const thread = parsed.success ? await c.get("convex").getThread({ ownerId: c.get("principal").user.id, threadId: parsed.data }) : null;
  if (!thread) throw new ApiError("not_found", 404, "no such thread");
  return thread;
}

/** Only the agent worker (the internal key) reports turns: a person or an API token cannot bill themselves. */
export function requireInternal(c: ApiContext): void {
  if (c.get("principal").via !== "internal") throw new ApiError("forbidden", 403, "only the platform's own services may call this");
}

/**
 * The thread index (Convex): the sidebar's list of chats. A thread's messages live in its
 * agent (the agent worker's Durable Object); the index holds its title, archive flag and
 * when it last changed.
 */
export function threadRoutes(app: ApiApp): void {
  app.get("/api/threads", async (c) => {
    const { archived } = parseParam(ListQuerySchema, c.req.query(), "query");
    const wantArchived = archived === "true";
    const threads = await c.get("convex").listThreads(c.get("principal").user.id);
    return c.json({ threads: threads.filter((thread) => thread.archived === wantArchived).map(threadView) });
  });

  app.post("/api/threads", async (c) => {
    const { title } = await readJsonBody(c.req.raw, CreateThreadBodySchema, { allowEmpty: true });
    const thread = await c.get("convex").createThread({ ownerId: c.get("principal").user.id, title: title ?? DEFAULT_THREAD_TITLE, kind: "chat" });
    return c.json({ thread: threadView(thread) }, 201);
  });

  app.get("/api/threads/:threadId", async (c) => c.json({ thread: threadView(await requireOwnThread(c, c.req.param("threadId"))) }));

  app.patch("/api/threads/:threadId", async (c) => {
    const thread = await requireOwnThread(c, c.req.param("threadId"));
    const changes = await readJsonBody(c.req.raw, UpdateThreadBodySchema);
    const updated = await c.get("convex").updateThread({ ownerId: thread.ownerId, threadId: thread.id, ...changes });
    return c.json({ thread: threadView(updated) });
  });

  // The agent worker reports each finished turn: debited through the same ledger as every
  // other turn, then the thread is bumped (and named from its first message) in one write.
  app.post("/api/threads/:threadId/turns", async (c) => {
    requireInternal(c);
    const thread = await requireOwnThread(c, c.req.param("threadId"));
    const { turnId, userText, model, usage } = await readJsonBody(c.req.raw, ThreadTurnBodySchema);
    const convex = c.get("convex");
    const totalTokens = usage.inputTokens + usage.outputTokens;
    const reference = `thread-turn:${thread.id}:${turnId ?? crypto.randomUUID()}`.slice(0, 256);
    const amount = creditsFor(totalTokens);
    let balance = c.get("principal").balance;
    if (amount > 0) {
      const entry = await convex.debitCredits({
        ownerId: thread.ownerId,
        amount,
        reason: `thread turn (${model.slice(0, 100)}): ${totalTokens} tokens`,
        reference,
      });
      balance = entry.balanceAfter;
    }
    const suggestedTitle = titleFromUserText(userText);
    const updated = await convex.recordThreadTurn({
      ownerId: thread.ownerId,
      threadId: thread.id,
      untitled: DEFAULT_THREAD_TITLE,
      ...(suggestedTitle ? { suggestedTitle } : {}),
    });
    return c.json({ thread: threadView(updated), balance });
  });
}
