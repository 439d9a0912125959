/** How long one inspector call may take: a busy isolate answers between requests. */
const CALL_TIMEOUT_MS = 60_000;

/**
 * The JS heap one worker's isolate still uses after a full garbage collection (MB), read over
 * workerd's inspector (`LocalStackOptions.workersInspectorPort`). This is what a Worker's
 * memory limit applies to in production; the workerd process's RSS also holds workerd's own
 * native memory and heap pages V8 has not handed back yet.
 */
export async function isolateHeapAfterGcMb(inspectorPort: number, worker: string): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${inspectorPort}/core:user:${worker}`);
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  let nextId = 0;
  const call = (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => reject(new Error(`${worker}: ${method} got no answer`)), CALL_TIMEOUT_MS);
      pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve());
      socket.addEventListener("error", () => reject(new Error(`${worker}: no inspector on port ${inspectorPort}`)));
    });
    await call("HeapProfiler.collectGarbage");
    const usage = (await call("Runtime.getHeapUsage")) as { usedSize: number };
    return usage.usedSize / 1024 / 1024;
  } finally {
    socket.close();
  }
}
