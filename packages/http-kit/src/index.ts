export { HttpError, errorBody, errorResponse, type ErrorBody } from "./http-error.ts";
export { readJsonBody, MAX_JSON_BODY_BYTES } from "./json-body.ts";
export { keysMatch } from "./keys-match.ts";
export { readSse, collectSse, parseEvent, type SseEvent } from "./sse.ts";
export { passThrough, type PassThroughHooks, type StreamEnd } from "./pass-through.ts";
