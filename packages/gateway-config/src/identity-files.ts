import type { TenantSettings } from "@openclaw-cloud/contracts";

/** The agent workspace, relative to the state directory (OpenClaw's default location). */
export const WORKSPACE_DIR = "workspace";

export type GatewayFile = {
  /** Relative to the state directory. */
  path: string;
  content: string;
  mode?: number;
};

/**
 * Workspace bootstrap files that carry the tenant's choices (docs/concepts/agent-workspace.md):
 * IDENTITY.md holds the name as a `- **Name:**` line, SOUL.md the persona. Tenant settings own
 * these files, so they are rewritten on every start; OpenClaw seeds the other bootstrap files
 * (AGENTS.md, USER.md, ...) itself and never overwrites existing ones.
 */
export function identityFiles(agent: TenantSettings["agent"]): GatewayFile[] {
  const files = [
    {
      path: `${WORKSPACE_DIR}/IDENTITY.md`,
      content: `# IDENTITY.md - Who Am I?\n\n- **Name:** ${agent.name}\n`,
    },
  ];
  const persona = agent.persona?.trim();
  if (persona) files.push({ path: `${WORKSPACE_DIR}/SOUL.md`, content: `# SOUL.md - Who You Are\n\n${persona}\n` });
  return files;
}
