import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { expect, it } from "vitest";

it("serves on the configured port and exits cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, [new URL("./main.ts", import.meta.url).pathname], {
    env: { ...process.env, PORT: "0", MODEL_API_KEY: "k" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const url = /^model-server listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
    expect(url).toBeDefined();
    const response = await fetch(`${url}/v1/models`, { headers: { authorization: "Bearer k" } });
    expect(response.status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  } finally {
    child.kill();
  }
});
