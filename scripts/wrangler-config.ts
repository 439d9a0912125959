import { parseJsonc } from "@openclaw-cloud/local-stack/jsonc";

/** The shared worker settings kept in wrangler.base.toml. */
export interface BaseSettings {
  compatibility_date: string;
  compatibility_flags: string[];
  observability_enabled: boolean;
}

/** Reads the small, flat TOML subset wrangler.base.toml uses. */
export function parseBaseToml(text: string): BaseSettings {
  const value = (key: string) => text.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, "m"))?.[1]?.trim();
  const date = value("compatibility_date");
  const flags = value("compatibility_flags");
  const observability = text.match(/\[observability\][^[]*?enabled\s*=\s*(true|false)/)?.[1];
  if (!date || !flags || !observability) throw new Error("wrangler.base.toml needs compatibility_date, compatibility_flags and [observability] enabled");
  return { compatibility_date: JSON.parse(date), compatibility_flags: JSON.parse(flags), observability_enabled: observability === "true" };
}

export function wranglerConfigDrift(base: BaseSettings, configText: string): string[] {
  const config = parseJsonc(configText) as {
    compatibility_date?: string;
    compatibility_flags?: string[];
    observability?: { enabled?: boolean };
  };
  const problems: string[] = [];
  if (config.compatibility_date !== base.compatibility_date) problems.push(`compatibility_date ${config.compatibility_date} != ${base.compatibility_date}`);
  if (JSON.stringify([...(config.compatibility_flags ?? [])].sort()) !== JSON.stringify([...base.compatibility_flags].sort())) {
    problems.push(`compatibility_flags ${JSON.stringify(config.compatibility_flags)} != ${JSON.stringify(base.compatibility_flags)}`);
  }
  if ((config.observability?.enabled ?? false) !== base.observability_enabled) problems.push("observability.enabled differs");
  return problems;
}

/** The `cloudflare/sandbox:<tag>` the image builds from; the SDK refuses a different version. */
export function sandboxImageTag(dockerfile: string): string | null {
  return dockerfile.match(/^FROM\s+(?:docker\.io\/)?cloudflare\/sandbox:([\w.-]+)/m)?.[1] ?? null;
}
