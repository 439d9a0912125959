import { existsSync, readdirSync, readFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repo's `convex/` directory (the `@openclaw-cloud/convex` workspace). */
export const CONVEX_DIR = fileURLToPath(new URL(".", import.meta.resolve("@openclaw-cloud/convex/package.json")));

const ENTRY_POINT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];

function* filesUnder(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // A directory with its own convex.config.ts is a component, deployed separately.
    if (entry.isDirectory() && !existsSync(join(path, "convex.config.ts"))) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The files `npx convex deploy` bundles as function modules, by the rules of convex 1.48's
 * `entryPoints` (src/bundler/index.ts): code files outside `_generated`, except dotfiles,
 * `schema.ts`, names with more than one dot (tests, configs) and TypeScript files without
 * an import or export. Paths are relative to the Convex directory, with `/`, in codegen's order.
 */
export function functionModulePaths(): string[] {
  const modules: string[] = [];
  for (const path of filesUnder(CONVEX_DIR)) {
    const relPath = relative(CONVEX_DIR, path).split(sep).join("/");
    const base = relPath.slice(relPath.lastIndexOf("/") + 1);
    const isEntryPoint =
      ENTRY_POINT_EXTENSIONS.some((extension) => relPath.endsWith(extension)) &&
      !relPath.startsWith("_generated/") &&
      !base.startsWith(".") &&
      !base.startsWith("#") &&
      base !== "schema.ts" &&
      base !== "schema.js" &&
      (base.match(/\./g) ?? []).length <= 1 &&
      !relPath.includes(" ") &&
      (!/\.tsx?$/.test(base) || /^\s{0,100}(import|export)/m.test(readFileSync(path, "utf8")));
    if (isEntryPoint) modules.push(relPath);
  }
  return modules.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const RESOLVE_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"];
let extensionlessImportsEnabled = false;

/**
 * Convex code imports relative modules without extensions (`./_generated/server`), as
 * Convex's bundler (esbuild) resolves them. Node does not, so for importers inside the
 * Convex directory this hook tries esbuild's extensions in its order.
 */
function enableExtensionlessImports(): void {
  if (extensionlessImportsEnabled) return;
  extensionlessImportsEnabled = true;
  const convexDirUrl = pathToFileURL(CONVEX_DIR).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const fromConvex = context.parentURL?.startsWith(convexDirUrl) ?? false;
      if (!fromConvex || !specifier.startsWith(".") || /\.[cm]?[jt]sx?$/.test(specifier)) {
        return nextResolve(specifier, context);
      }
      const base = new URL(specifier, context.parentURL);
      const candidates = [...RESOLVE_EXTENSIONS.map((ext) => base.href + ext), ...RESOLVE_EXTENSIONS.map((ext) => `${base.href}/index${ext}`)];
      for (const candidate of candidates) {
        if (existsSync(fileURLToPath(candidate))) return nextResolve(candidate, context);
      }
      return nextResolve(specifier, context);
    },
  });
}

/**
 * The modules map `convexTest(schema, modules)` takes in place of `import.meta.glob`:
 * the generated files (it finds the functions' root through `_generated`) and every
 * function module, each imported on first use.
 */
export function convexModules(): Record<string, () => Promise<unknown>> {
  enableExtensionlessImports();
  const paths = [
    ...readdirSync(join(CONVEX_DIR, "_generated"))
      .filter((name) => name.endsWith(".js"))
      .map((name) => `_generated/${name}`),
    ...functionModulePaths(),
  ];
  return Object.fromEntries(paths.map((path) => [join(CONVEX_DIR, path), () => import(pathToFileURL(join(CONVEX_DIR, path)).href)]));
}
