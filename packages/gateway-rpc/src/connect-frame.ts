/*
 * Frame rules for the relay between a tenant's own devices (nodes, Control UI, CLI)
 * and their gateway. The devices never learn the gateway's shared secret; the relay
 * lends it to them for the handshake only, in a way the gateway's device proof allows.
 *
 * Why `auth.password` and not `auth.token`: a device signs its `connect` with a proof
 * that covers `auth.token ?? auth.deviceToken ?? auth.bootstrapToken` (gateway
 * `resolveSignatureToken`, client `buildDeviceAuthPayloadV3`). A token the device did not
 * sign breaks that proof ("device signature invalid", DEVICE_AUTH_SIGNATURE_INVALID).
 * In `gateway.auth.mode: "token"` the gateway also accepts the secret in `auth.password`
 * (`resolveConnectSecret`), which the proof does not cover. So the relay adds
 * `auth.password`; the gateway authenticates the shared secret, verifies the device's
 * own proof, and, the device being unknown, answers PAIRING_REQUIRED and lists a pending
 * request. Once approved, the device reconnects (with or without its new device token)
 * and is admitted.
 *
 * Only a device that proves a keypair gets the secret: without `device` the gateway
 * would admit a scope-less shared-secret operator, which nobody needs. A client that
 * brought any credential of its own (device token, bootstrap token, a guess) is left
 * alone: overwriting would break its proof, and guessing clients earn no help.
 */

/** The gateway's pre-auth frame cap (MAX_PREAUTH_PAYLOAD_BYTES): no valid connect is bigger. */
const MAX_CONNECT_FRAME_CHARS = 64 * 1024;

const CREDENTIAL_FIELDS = ["token", "password", "deviceToken", "bootstrapToken", "approvalRuntimeToken", "agentRuntimeIdentityToken"];

export type SharedAuthDecision =
  | { inject: true }
  | {
      inject: false;
      reason:
        | "not-a-connect-request"
        | "malformed-connect"
        | "client-credentials"
        | "no-device-identity"
        /**
         * `gateway-client`/`backend` is the gateway's internal helper identity, which skips
         * pairing entirely when the gateway thinks the socket is local. A tenant device has
         * no business claiming it; refusing to lend it the secret keeps a relay that forgot
         * its forwarded headers (relay-headers.ts) from handing out operator.admin.
         */
        | "reserved-backend-identity";
    };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseConnectRequest(frameText: string): JsonObject | null {
  if (frameText.length > MAX_CONNECT_FRAME_CHARS || !frameText.includes('"connect"')) return null;
  let frame: unknown;
  try {
    frame = JSON.parse(frameText);
  } catch {
    return null;
  }
  return isObject(frame) && frame.type === "req" && frame.method === "connect" ? frame : null;
}

function decide(frame: JsonObject | null): SharedAuthDecision {
  if (!frame) return { inject: false, reason: "not-a-connect-request" };
  const { params } = frame;
  if (!isObject(params) || (params.auth !== undefined && !isObject(params.auth))) return { inject: false, reason: "malformed-connect" };
  const auth = params.auth ?? {};
  if (CREDENTIAL_FIELDS.some((field) => auth[field] !== undefined && auth[field] !== null)) return { inject: false, reason: "client-credentials" };
  const { device, client } = params;
  if (!isObject(device) || typeof device.id !== "string" || typeof device.publicKey !== "string" || typeof device.signature !== "string") {
    return { inject: false, reason: "no-device-identity" };
  }
  if (isObject(client) && client.id === "gateway-client" && client.mode === "backend") return { inject: false, reason: "reserved-backend-identity" };
  return { inject: true };
}

/** Why (not) the relay would lend the shared secret to this client frame; for logs and tests. */
export function decideSharedAuth(frameText: string): SharedAuthDecision {
  return decide(parseConnectRequest(frameText));
}

/**
 * Returns the client→gateway frame to forward: a device's credential-less `connect`
 * with the shared secret added as `auth.password`, any other frame unchanged. Never
 * throws. Cheap on ordinary traffic (a length check and a substring search), so the
 * relay may pass every client frame through it.
 */
export function injectSharedAuth(frameText: string, token: string): string {
  const frame = parseConnectRequest(frameText);
  if (!decide(frame).inject || !frame) return frameText;
  const params = frame.params as JsonObject;
  const auth = isObject(params.auth) ? params.auth : {};
  return JSON.stringify({ ...frame, params: { ...params, auth: { ...auth, password: token } } });
}

/**
 * The device id a client's `connect` frame claims, or null when the frame is not a
 * connect with a device identity. The gateway checks the claim against the device's key
 * and signature; the relay uses it to tell which device a ticket belongs to.
 */
export function connectDeviceId(frameText: string): string | null {
  const params = parseConnectRequest(frameText)?.params;
  const device = isObject(params) ? params.device : undefined;
  return isObject(device) && typeof device.id === "string" && device.id.length > 0 && device.id.length <= 256 ? device.id : null;
}

export const REDACTED_SECRET = "[redacted]";

/**
 * Returns the gateway→client frame with every occurrence of the shared secret replaced.
 * The gateway itself never sends it (hello-ok and pairing replies carry only device
 * tokens and hashes), but agent and tool output relayed to the Control UI can quote
 * anything the agent read, including its own config; this is the relay's last line.
 * Meant for high-entropy tokens made of URL-safe characters, which JSON never escapes.
 */
export function scrubSharedSecret(frameText: string, secret: string): string {
  if (secret.length === 0 || !frameText.includes(secret)) return frameText;
  return frameText.replaceAll(secret, REDACTED_SECRET);
}
