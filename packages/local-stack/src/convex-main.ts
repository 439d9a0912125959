// Child-process entry for the local Convex (see convex-process.ts): starts it from the
// JSON options in LOCAL_CONVEX_OPTIONS, prints `{"url":…}` once listening, and closes it
// (flushing its data file) on SIGTERM or when the parent goes away.
import { startLocalConvex, type LocalConvexOptions } from "@openclaw-cloud/convex-local";

const options = JSON.parse(process.env.LOCAL_CONVEX_OPTIONS ?? "{}") as LocalConvexOptions;
delete process.env.LOCAL_CONVEX_OPTIONS;
const convex = await startLocalConvex(options);
process.stdout.write(`${JSON.stringify({ url: convex.url })}\n`);

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await convex.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());
process.on("disconnect", () => void close());
