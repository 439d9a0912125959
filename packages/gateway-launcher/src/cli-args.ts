import { UsageError } from "./errors.ts";

export type LauncherCommand =
  | { name: "start" }
  | { name: "backup"; output: string }
  | { name: "restore"; input: string }
  | { name: "version" }
  | { name: "help" };

export const USAGE = `usage: openclaw-cloud-gateway <command>

  start                    prepare $SANDBOX_HOME/openclaw and replace this process with the gateway
  backup --output <path>   write a verified backup archive (path relative to $SANDBOX_HOME)
  restore --input <path>   replace the stopped gateway's state with an archive
  version                  print the OpenClaw version as JSON`;

const FLAGS: Record<string, "output" | "input" | undefined> = { backup: "output", restore: "input" };

/** Parses `<command> [--flag value | --flag=value]`; every command takes at most its one flag. */
export function parseCliArgs(args: readonly string[]): LauncherCommand {
  const [name, ...rest] = args;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  if (name !== "start" && name !== "backup" && name !== "restore" && name !== "version") {
    throw new UsageError(`unknown command: ${name}`);
  }
  const flag = FLAGS[name];
  let value: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match || flag === undefined || match[1] !== flag) throw new UsageError(`${name}: unexpected argument: ${arg}`);
    const given = match[2] ?? rest[++i];
    if (!given) throw new UsageError(`${name}: --${flag} needs a value`);
    if (value !== undefined) throw new UsageError(`${name}: --${flag} given twice`);
    value = given;
  }
  if (name === "start" || name === "version") return { name };
  if (value === undefined) throw new UsageError(`${name}: --${flag} <path> is required`);
  return name === "backup" ? { name, output: value } : { name, input: value };
}
