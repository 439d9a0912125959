import type { z } from "zod";
import type { ModelRequest, Reply } from "./reply.ts";
import type { StreamFrame } from "./sse.ts";

/** One OpenAI API flavour: how its requests parse and how replies render in it. */
export type ApiDialect = {
  requestSchema: z.ZodType<ModelRequest>;
  completion(reply: Reply): unknown;
  streamFrames(reply: Reply): Iterable<StreamFrame>;
};
