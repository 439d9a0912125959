#!/usr/bin/env node
import { modelServerOptionsFromEnv } from "./env.ts";
import { startModelServer } from "./server.ts";

const server = await startModelServer(modelServerOptionsFromEnv(process.env));
console.log(`model-server listening on ${server.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close();
  });
}
