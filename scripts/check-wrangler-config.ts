// Every worker's wrangler config must repeat the shared settings in wrangler.base.toml
// (wrangler has no inheritance), and the container image must build from the sandbox
// image whose tag equals the @cloudflare/sandbox version. Fails naming what drifted.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBaseToml, sandboxImageTag, wranglerConfigDrift } from "./wrangler-config.ts";

const root = join(import.meta.dirname, "..");
const base = parseBaseToml(readFileSync(join(root, "wrangler.base.toml"), "utf8"));
const problems: string[] = [];
for (const app of readdirSync(join(root, "apps"))) {
  for (const file of readdirSync(join(root, "apps", app)).filter((f) => /^wrangler.*\.jsonc?$/.test(f))) {
    const path = join("apps", app, file);
    problems.push(...wranglerConfigDrift(base, readFileSync(join(root, path), "utf8")).map((p) => `${path}: ${p}`));
  }
}
const runtime = join(root, "apps", "openclaw-runtime");
const sdkVersion = (JSON.parse(readFileSync(join(runtime, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["@cloudflare/sandbox"];
const imageTag = sandboxImageTag(readFileSync(join(runtime, "Dockerfile"), "utf8"));
if (imageTag !== sdkVersion) problems.push(`apps/openclaw-runtime/Dockerfile: cloudflare/sandbox:${imageTag} != @cloudflare/sandbox ${sdkVersion}`);
if (problems.length) {
  console.error(`wrangler configs drift from wrangler.base.toml:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("wrangler configs match wrangler.base.toml; sandbox image matches the SDK");
