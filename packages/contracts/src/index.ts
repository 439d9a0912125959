export * from "./tenant-settings.ts";
export * from "./api-errors.ts";
export type * from "./web-views.ts";
export * from "./threads.ts";
export * from "./gateway-clients.ts";
export * from "./sandbox-layout.ts";
export * from "./gateway-requests.ts";
export * from "./tenant-id.ts";
export * from "./model-proxy.ts";
