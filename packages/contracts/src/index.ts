export * from "./tenant-settings.ts";
export * from "./api-errors.ts";
