#!/usr/bin/env node
import { existsSync, writeSync } from "node:fs";
import { connect } from "node:net";
import { createBackup } from "./backup.ts";
import { parseCliArgs, USAGE } from "./cli-args.ts";
import { EXIT_CODES, exitCodeOf, GatewayRunningError, UsageError } from "./errors.ts";
import { readSandboxEnv } from "./launcher-env.ts";
import { resolveOpenclaw } from "./openclaw-cli.ts";
import { restoreArchive } from "./restore.ts";
import { resolveInSandbox, sandboxPaths } from "./sandbox-paths.ts";
import { startGateway } from "./start.ts";
import { approveDeviceLocally } from "./approve-device.ts";

const NAME = "openclaw-cloud-gateway";

// Synchronous writes: `start` replaces the process right after logging.
const out = (line: string) => writeSync(1, `${line}\n`);
const progress = (line: string) => writeSync(1, `[${NAME}] ${line}\n`);
const err = (line: string) => writeSync(2, `${line}\n`);

async function run(args: readonly string[]): Promise<number> {
  const command = parseCliArgs(args);
  if (command.name === "help") {
    out(USAGE);
    return EXIT_CODES.ok;
  }
  const openclaw = resolveOpenclaw();
  if (command.name === "version") {
    out(JSON.stringify({ openclawVersion: openclaw.version, nodeVersion: process.version }));
    return EXIT_CODES.ok;
  }
  if (command.name === "start") {
    await startGateway(openclaw, process.env, progress);
    return EXIT_CODES.ok;
  }
  const sandbox = readSandboxEnv(process.env);
  if (command.name === "approve-device") {
    out(JSON.stringify(await approveDeviceLocally(sandbox.gatewayPort, process.env, command.requestId)));
    return EXIT_CODES.ok;
  }
  const paths = sandboxPaths(sandbox.sandboxHome);
  if (command.name === "backup") {
    out(JSON.stringify(await createBackup(openclaw, paths, command.output, process.env)));
    return EXIT_CODES.ok;
  }
  const archive = resolveInSandbox(paths.home, command.input);
  if (!existsSync(archive)) throw new UsageError(`no archive at ${command.input}`);
  if (await isListening(sandbox.gatewayPort)) {
    throw new GatewayRunningError(`a gateway is listening on port ${sandbox.gatewayPort}; stop it before restoring`);
  }
  out(JSON.stringify(await restoreArchive(openclaw, paths, archive, process.env)));
  return EXIT_CODES.ok;
}

/** Whether something accepts connections on the sandbox's gateway port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 1000 });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`${NAME}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = exitCodeOf(error);
  },
);
