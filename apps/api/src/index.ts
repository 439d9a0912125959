import { createApp } from "./app.ts";

export { UserLimits } from "./limits/user-limits.ts";

export default createApp();
