import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args.ts";
import { UsageError } from "./errors.ts";

describe("parseCliArgs", () => {
  it.each([
    [["start"], { name: "start" }],
    [["version"], { name: "version" }],
    [[], { name: "help" }],
    [["--help"], { name: "help" }],
    [["backup", "--output", "backups/a.tar.gz"], { name: "backup", output: "backups/a.tar.gz" }],
    [["backup", "--output=backups/a b.tar.gz"], { name: "backup", output: "backups/a b.tar.gz" }],
    [["restore", "--input", "restore/latest.tar.gz"], { name: "restore", input: "restore/latest.tar.gz" }],
    [["approve-device", "--request-id", "req-1"], { name: "approve-device", requestId: "req-1" }],
  ])("parses %j", (args, command) => {
    expect(parseCliArgs(args)).toEqual(command);
  });

  it.each([
    [["stop"], "unknown command: stop"],
    [["start", "--port", "1"], "start: unexpected argument: --port"],
    [["backup"], "backup: --output <path> is required"],
    [["backup", "--output"], "backup: --output needs a value"],
    [["backup", "--output="], "backup: --output needs a value"],
    [["backup", "--input", "x"], "backup: unexpected argument: --input"],
    [["backup", "--output", "a", "--output", "b"], "backup: --output given twice"],
    [["restore", "latest.tar.gz"], "restore: unexpected argument: latest.tar.gz"],
    [["approve-device"], "approve-device: --request-id <id> is required"],
  ])("rejects %j", (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(new UsageError(message));
  });
});
