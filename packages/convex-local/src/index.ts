export { startLocalConvex, type LocalConvex, type LocalConvexOptions } from "./local-convex.ts";
