import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, keyToSave, modelChoiceOf, modelStepProblem } from "./draft.ts";

const stored = { provider: "anthropic" as const, last4: "abcd", baseUrl: null, updatedAt: 1 };

describe("create wizard draft", () => {
  it("sends no body for the platform model and provider + model otherwise", () => {
    expect(modelChoiceOf(EMPTY_DRAFT)).toBeNull();
    expect(modelChoiceOf({ ...EMPTY_DRAFT, provider: "openai", model: " gpt-5.1 " })).toEqual({ provider: "openai", model: "gpt-5.1" });
  });

  it("saves a typed key (with the base URL for openai-compatible) and keeps a stored one otherwise", () => {
    expect(keyToSave({ ...EMPTY_DRAFT, provider: "anthropic", key: "" })).toBeNull();
    expect(keyToSave({ ...EMPTY_DRAFT, provider: "anthropic", key: " sk-ant-1 " })).toEqual({ provider: "anthropic", key: "sk-ant-1" });
    expect(keyToSave({ ...EMPTY_DRAFT, provider: "openai-compatible", key: "k", baseUrl: "https://x/v1" })).toEqual({
      provider: "openai-compatible",
      key: "k",
      baseUrl: "https://x/v1",
    });
  });

  it("asks for what the chosen provider needs", () => {
    expect(modelStepProblem(EMPTY_DRAFT, undefined)).toBeNull();
    expect(modelStepProblem({ ...EMPTY_DRAFT, provider: "anthropic" }, undefined)).toMatch(/model id/);
    expect(modelStepProblem({ ...EMPTY_DRAFT, provider: "anthropic", model: "claude" }, undefined)).toMatch(/Anthropic key/);
    expect(modelStepProblem({ ...EMPTY_DRAFT, provider: "anthropic", model: "claude" }, stored)).toBeNull();
    expect(modelStepProblem({ ...EMPTY_DRAFT, provider: "openai-compatible", model: "m", key: "k" }, undefined)).toMatch(/base URL/);
  });
});
