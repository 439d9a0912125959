export type RouteName =
  | "health"
  | "listSandboxes"
  | "getSandbox"
  | "createSandbox"
  | "destroySandbox"
  | "exec"
  | "listProcesses"
  | "startProcess"
  | "getProcess"
  | "killProcess"
  | "processLogs"
  | "writeFile"
  | "readFile"
  | "deleteFile"
  | "listFiles"
  | "proxy";

export type RouteParams = { id?: string; pid?: string; port?: string; rest?: string };

export type RouteMatch = { kind: "route"; name: RouteName; params: RouteParams } | { kind: "not_found" } | { kind: "method_not_allowed"; allowed: string[] };

type RouteDef = { pattern: RegExp; methods: Partial<Record<string, RouteName>> };

const SEGMENT = "([^/]+)";

// Order matters only for the proxy, whose tail may look like anything.
const ROUTES: RouteDef[] = [
  { pattern: /^\/health$/, methods: { GET: "health" } },
  { pattern: /^\/sandboxes$/, methods: { GET: "listSandboxes" } },
  {
    pattern: new RegExp(`^/sandboxes/${SEGMENT}$`),
    methods: { GET: "getSandbox", POST: "createSandbox", DELETE: "destroySandbox" },
  },
  { pattern: new RegExp(`^/sandboxes/${SEGMENT}/exec$`), methods: { POST: "exec" } },
  { pattern: new RegExp(`^/sandboxes/${SEGMENT}/processes$`), methods: { GET: "listProcesses", POST: "startProcess" } },
  { pattern: new RegExp(`^/sandboxes/${SEGMENT}/processes/${SEGMENT}$`), methods: { GET: "getProcess", DELETE: "killProcess" } },
  { pattern: new RegExp(`^/sandboxes/${SEGMENT}/processes/${SEGMENT}/logs$`), methods: { GET: "processLogs" } },
  { pattern: new RegExp(`^/sandboxes/${SEGMENT}/files$`), methods: { PUT: "writeFile", GET: "readFile", DELETE: "deleteFile" } },
  { pattern: new RegExp(`^/sandboxes/${SEGMENT}/files/list$`), methods: { GET: "listFiles" } },
];

const PROXY = new RegExp(`^/sandboxes/${SEGMENT}/ports/${SEGMENT}(/.*)?$`);

const PARAM_NAMES: Record<RouteName, (keyof RouteParams)[]> = {
  health: [],
  listSandboxes: [],
  getSandbox: ["id"],
  createSandbox: ["id"],
  destroySandbox: ["id"],
  exec: ["id"],
  listProcesses: ["id"],
  startProcess: ["id"],
  getProcess: ["id", "pid"],
  killProcess: ["id", "pid"],
  processLogs: ["id", "pid"],
  writeFile: ["id"],
  readFile: ["id"],
  deleteFile: ["id"],
  listFiles: ["id"],
  proxy: ["id", "port", "rest"],
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes simply fail the id validation later
  }
}

/**
 * Matches a raw request path (no query). Path parameters are percent-decoded, except the
 * proxy tail, which is forwarded exactly as received.
 */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const proxy = PROXY.exec(pathname);
  if (proxy) return { kind: "route", name: "proxy", params: { id: decode(proxy[1]!), port: decode(proxy[2]!), rest: proxy[3] ?? "/" } };
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const name = route.methods[method];
    if (!name) return { kind: "method_not_allowed", allowed: Object.keys(route.methods) };
    const params: RouteParams = {};
    for (const [index, param] of PARAM_NAMES[name].entries()) params[param] = decode(match[index + 1]!);
    return { kind: "route", name, params };
  }
  return { kind: "not_found" };
}
