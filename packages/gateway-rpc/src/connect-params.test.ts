import { createPublicKey, verify } from "node:crypto";
import { buildDeviceAuthPayloadV3 } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import { buildOperatorConnectParams } from "./connect-params.ts";
import { generateDeviceKey, loadDeviceSigner } from "./device-identity.ts";

const base = { token: "shared-token", nonce: "nonce-1", challengeTs: 1_795_000_000_000, clientVersion: "1.2.3" };

describe("buildOperatorConnectParams", () => {
  it("connects as the gateway's local backend operator (an exec approval client) with the shared token and no device", async () => {
    const params = await buildOperatorConnectParams(base);
    expect(params).toEqual({
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: "gateway-client", version: "1.2.3", platform: "openclaw-cloud", mode: "backend" },
      role: "operator",
      scopes: ["operator.admin"],
      caps: ["exec-approvals"],
      auth: { token: "shared-token" },
    });
  });

  it("adds a device proof the gateway verifies: v3 payload over the challenge, signing the shared token", async () => {
    const signer = await loadDeviceSigner(await generateDeviceKey());
    const params = await buildOperatorConnectParams({ ...base, device: signer });
    const device = params.device;
    expect(device).toMatchObject({ id: signer.deviceId, publicKey: signer.publicKey, signedAt: base.challengeTs, nonce: base.nonce });
    // The gateway rebuilds the payload from the frame (resolveDeviceSignaturePayloadVersion).
    const payload = buildDeviceAuthPayloadV3({
      deviceId: device!.id,
      clientId: params.client.id,
      clientMode: params.client.mode,
      role: params.role!,
      scopes: params.scopes!,
      signedAtMs: device!.signedAt,
      token: params.auth?.token ?? null,
      nonce: device!.nonce!,
      platform: params.client.platform,
      deviceFamily: params.client.deviceFamily,
    });
    const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: signer.publicKey }, format: "jwk" });
    expect(verify(null, Buffer.from(payload), publicKey, Buffer.from(device!.signature, "base64url"))).toBe(true);
  });

  it("refuses to sign without the challenge timestamp", async () => {
    const signer = await loadDeviceSigner(await generateDeviceKey());
    await expect(buildOperatorConnectParams({ ...base, challengeTs: null, device: signer })).rejects.toThrow(/timestamp/);
  });
});
