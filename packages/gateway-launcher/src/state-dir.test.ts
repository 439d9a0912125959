import { describe, expect, it } from "vitest";
import { isFreshStateDir } from "./state-dir.ts";

const present =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("isFreshStateDir", () => {
  it("is fresh when nothing or only launcher-written files exist", () => {
    expect(isFreshStateDir(present())).toBe(true);
    expect(isFreshStateDir(present("openclaw.json", "workspace/IDENTITY.md", "logs"))).toBe(true);
  });

  it("is not fresh once the gateway has written its shared or an agent database", () => {
    expect(isFreshStateDir(present("state/openclaw.sqlite"))).toBe(false);
    expect(isFreshStateDir(present("agents"))).toBe(false);
  });
});
