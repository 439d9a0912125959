export {
  MAX_BODY_BYTES,
  MODEL_IDS,
  startModelServer,
  type DeltaEvent,
  type ModelServer,
  type ModelServerOptions,
  type ReplyEvent,
} from "./server.ts";
export { DEFAULT_MODEL, MAX_FILLER_WORDS } from "./reply.ts";
export { modelServerOptionsFromEnv } from "./env.ts";
