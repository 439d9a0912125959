import { z } from "zod";

export const SandboxId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "sandbox id must match ^[a-z0-9][a-z0-9-]{0,62}$");

const ProcessId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "process id must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

const NoNul = (what: string) => z.string().refine((value) => !value.includes("\0"), `${what} must not contain NUL bytes`);

const Argv = z
  .array(NoNul("argv entries").max(128 * 1024))
  .min(1)
  .max(4096)
  .refine((argv) => argv[0] !== "", "argv[0] must not be empty");

const Env = z.record(
  z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "env names must match ^[A-Za-z_][A-Za-z0-9_]*$")
    .max(256),
  NoNul("env values").max(128 * 1024),
);

export const ExecRequest = z.strictObject({
  argv: Argv,
  env: Env.optional(),
  timeoutMs: z.int().min(1).max(600_000).default(60_000),
  stdin: z.string().optional(),
});
export type ExecRequest = z.infer<typeof ExecRequest>;

export const StartProcessRequest = z.strictObject({
  argv: Argv,
  env: Env.optional(),
  id: ProcessId.optional(),
});
export type StartProcessRequest = z.infer<typeof StartProcessRequest>;

export const KillSignal = z.enum(["SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGKILL"]).default("SIGTERM");

export const ContainerPort = z.coerce.number().int().min(1).max(65535);
