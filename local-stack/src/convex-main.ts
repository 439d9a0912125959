// Child-process entry for the local Convex (see convex-process.ts): starts it from the
// JSON options in LOCAL_CONVEX_OPTIONS until the parent stops it; closing flushes its data file.
import { startLocalConvex, type LocalConvexOptions } from "@openclaw-cloud/convex-local";
import { serveUntilStopped } from "./node-service.ts";

const options = JSON.parse(process.env.LOCAL_CONVEX_OPTIONS ?? "{}") as LocalConvexOptions;
delete process.env.LOCAL_CONVEX_OPTIONS;
const convex = await startLocalConvex(options);
serveUntilStopped(convex.url, () => convex.close());
