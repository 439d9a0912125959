import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact-secrets.ts";

describe("redactSecrets", () => {
  const gatewayToken = "0f".repeat(32);
  const providerKey = "sk-provider-key-0123456789";
  const botToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  it("replaces every occurrence of every secret", () => {
    const text = `auth ${gatewayToken} and ${gatewayToken}\nkey=${providerKey}; bot ${botToken}`;
    expect(redactSecrets(text, [gatewayToken, providerKey, botToken])).toBe(`auth ${REDACTED} and ${REDACTED}\nkey=${REDACTED}; bot ${REDACTED}`);
  });

  it("catches a secret URL-encoded inside a logged URL", () => {
    const logged = `GET https://api.telegram.org/bot${encodeURIComponent(botToken)}/getUpdates failed`;
    expect(redactSecrets(logged, [botToken])).toBe(`GET https://api.telegram.org/bot${REDACTED}/getUpdates failed`);
  });

  it("replaces a longer secret whole when a shorter one is inside it", () => {
    expect(redactSecrets("x sk-provider-key-0123456789-extended y", [providerKey, `${providerKey}-extended`])).toBe(`x ${REDACTED} y`);
  });

  it("ignores missing and too-short secrets, and leaves other text alone", () => {
    expect(redactSecrets("nothing secret here: abc", [null, undefined, "", "abc"])).toBe("nothing secret here: abc");
  });
});
