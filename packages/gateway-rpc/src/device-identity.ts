/*
 * An OpenClaw device identity on WebCrypto, so it works in workerd and Node alike:
 * an Ed25519 keypair whose device id is the hex SHA-256 of the raw public key, whose
 * public key travels as unpadded base64url of the raw 32 bytes, and whose signatures
 * are base64url Ed25519 over the UTF-8 payload (the gateway's `deriveDeviceIdFromPublicKey`
 * and `verifyDeviceSignature`). The caller stores the key as a JWK and passes it back in.
 */

/** A stored device keypair: an Ed25519 private JWK (`x` is the public half). */
export type DeviceKeyJwk = { kty: "OKP"; crv: "Ed25519"; x: string; d: string };

export type DeviceSigner = {
  deviceId: string;
  /** base64url raw public key, as the `connect` frame carries it. */
  publicKey: string;
  sign: (payload: string) => Promise<string>;
};

const ED25519 = { name: "Ed25519" };

export async function generateDeviceKey(): Promise<DeviceKeyJwk> {
  const pair = await crypto.subtle.generateKey(ED25519, true, ["sign", "verify"]);
  if (!("privateKey" in pair)) throw new Error("Ed25519 key generation returned no key pair");
  // workers-types widen exportKey's result to ArrayBuffer | JsonWebKey; "jwk" gives the latter.
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as { x?: string; d?: string };
  if (typeof jwk.x !== "string" || typeof jwk.d !== "string") throw new Error("Ed25519 key export lacks x/d");
  return { kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d };
}

export async function loadDeviceSigner(key: DeviceKeyJwk): Promise<DeviceSigner> {
  const privateKey = await crypto.subtle.importKey("jwk", { ...key }, ED25519, false, ["sign"]);
  const rawPublicKey = fromBase64Url(key.x);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", rawPublicKey));
  return {
    deviceId: Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join(""),
    publicKey: toBase64Url(rawPublicKey),
    sign: async (payload) => toBase64Url(new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, new TextEncoder().encode(payload)))),
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
