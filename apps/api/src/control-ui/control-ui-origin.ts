import { isTenantId } from "@openclaw-cloud/contracts";

/**
 * Each tenant's Control UI lives on an origin of its own, so one tenant's gateway content
 * can never run script on another tenant's page, or on the website's. CONTROL_UI_ORIGIN
 * names them all with a `{tenant}` label: `https://{tenant}.ui.example.net` (a wildcard
 * route to the api worker; best a domain of its own, see docs/operations.md), locally
 * `http://{tenant}.ui.localhost:8789`. Pure.
 */
export interface ControlUiOrigins {
  protocol: "http:" | "https:";
  /** What follows the tenant label in the host: `.ui.example.net`, `.ui.localhost:8789`. */
  hostSuffix: string;
}

const TEMPLATE = /^(https?:)\/\/\{tenant\}(\.[a-z0-9.-]+(?::\d{1,5})?)\/?$/;

/** The parsed template, or null when unset or not of the form `scheme://{tenant}.<host>[:port]`. */
export function parseControlUiOrigins(template: string | undefined): ControlUiOrigins | null {
  const match = TEMPLATE.exec(template?.trim().toLowerCase() ?? "");
  if (!match || match[2]!.includes("..")) return null;
  return { protocol: match[1] as ControlUiOrigins["protocol"], hostSuffix: match[2]! };
}

/** @example controlUiOrigin({ protocol: "https:", hostSuffix: ".ui.example.net" }, "u-1") // "https://u-1.ui.example.net" */
export function controlUiOrigin(origins: ControlUiOrigins, tenantId: string): string {
  return `${origins.protocol}//${tenantId}${origins.hostSuffix}`;
}

/**
 * The tenant whose Control UI host `url` is on, or null for any other host. The host alone
 * decides (TLS ends before the worker in production); the label must be a tenant id.
 */
export function controlUiTenant(origins: ControlUiOrigins, url: URL): string | null {
  const host = url.host.toLowerCase();
  if (!host.endsWith(origins.hostSuffix)) return null;
  const label = host.slice(0, -origins.hostSuffix.length);
  return isTenantId(label) ? label : null;
}
