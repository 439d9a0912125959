import { createHash, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDeviceKey, loadDeviceSigner } from "./device-identity.ts";

/** How the gateway reads a wire public key: raw 32 bytes, base64url. */
function nodePublicKey(publicKey: string) {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
}

describe("device identity", () => {
  it("generates an Ed25519 JWK that round-trips through loadDeviceSigner", async () => {
    const key = await generateDeviceKey();
    expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    const signer = await loadDeviceSigner(key);
    expect(signer.publicKey).toBe(key.x);
    expect(Buffer.from(signer.publicKey, "base64url")).toHaveLength(32);
  });

  it("derives the device id as the hex SHA-256 of the raw public key, like the gateway", async () => {
    const signer = await loadDeviceSigner(await generateDeviceKey());
    const expected = createHash("sha256").update(Buffer.from(signer.publicKey, "base64url")).digest("hex");
    expect(signer.deviceId).toBe(expected);
  });

  it("signs the UTF-8 payload so that node:crypto verifies it (base64url signature)", async () => {
    const signer = await loadDeviceSigner(await generateDeviceKey());
    const payload = "v3|device|gateway-client|backend|operator|operator.admin|1|tök|nonce|openclaw-cloud|";
    const signature = await signer.sign(payload);
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verify(null, Buffer.from(payload), nodePublicKey(signer.publicKey), Buffer.from(signature, "base64url"))).toBe(true);
    expect(verify(null, Buffer.from(`${payload}x`), nodePublicKey(signer.publicKey), Buffer.from(signature, "base64url"))).toBe(false);
  });

  it("loads a stored key to the same identity every time", async () => {
    const key = await generateDeviceKey();
    const [a, b] = await Promise.all([loadDeviceSigner(key), loadDeviceSigner(structuredClone(key))]);
    expect(a.deviceId).toBe(b.deviceId);
  });
});
