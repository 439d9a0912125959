// openclaw's own install scripts refuse to run under the machine's Node 20, so the
// root package.json disables them (allowScripts) and this root postinstall runs its
// bundled-plugin step here, where node_modules/.bin puts the pinned Node 24 first.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const openclawRoot = join(import.meta.dirname, "..", "node_modules", "openclaw");
const script = join(openclawRoot, "scripts", "postinstall-bundled-plugins.mjs");
if (existsSync(script)) {
  execFileSync(process.execPath, [script], { cwd: openclawRoot, stdio: "inherit" });
}
