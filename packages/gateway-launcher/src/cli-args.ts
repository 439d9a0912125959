import { UsageError } from "./errors.ts";

export type LauncherCommand =
  | { name: "start" }
  | { name: "backup"; output: string }
  | { name: "restore"; input: string }
  | { name: "approve-device"; requestId: string }
  | { name: "version" }
  | { name: "help" };

export const USAGE = `usage: openclaw-cloud-gateway <command>

  start                    prepare $SANDBOX_HOME/openclaw and replace this process with the gateway
  backup --output <path>   write a verified backup archive (path relative to $SANDBOX_HOME)
  restore --input <path>   replace the stopped gateway's state with an archive
  approve-device --request-id <id>
                           approve a device pairing request over the local loopback path
                           (how the runtime's own operator device is admitted once)
  version                  print the OpenClaw version as JSON`;

const FLAGS: Record<string, "output" | "input" | "request-id" | undefined> = { backup: "output", restore: "input", "approve-device": "request-id" };

/** Parses `<command> [--flag value | --flag=value]`; every command takes at most its one flag. */
export function parseCliArgs(args: readonly string[]): LauncherCommand {
  const [name, ...rest] = args;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  if (name !== "start" && name !== "backup" && name !== "restore" && name !== "approve-device" && name !== "version") {
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
  if (value === undefined) throw new UsageError(`${name}: --${flag} <${flag === "request-id" ? "id" : "path"}> is required`);
  if (name === "approve-device") return { name, requestId: value };
  return name === "backup" ? { name, output: value } : { name, input: value };
}
