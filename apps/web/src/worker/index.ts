import { createApp } from "./app.ts";
import type { WebEnv } from "./env.ts";

export default createApp() satisfies ExportedHandler<WebEnv>;
