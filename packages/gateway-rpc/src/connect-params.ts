import { PLATFORM_CLIENT_PLATFORM } from "@openclaw-cloud/contracts/gateway-clients";
import { buildDeviceAuthPayloadV3, GATEWAY_CLIENT_MODES, GATEWAY_CLIENT_NAMES, PROTOCOL_VERSION } from "@openclaw/gateway-client/browser";
import type { ConnectParams } from "@openclaw/gateway-client/browser";
import type { DeviceSigner } from "./device-identity.ts";

/*
 * Who we are to the gateway.
 *
 * We connect as OpenClaw's own trusted local backend: `client.id: "gateway-client"`,
 * `client.mode: "backend"`, role `operator`, authenticated with the shared token. The
 * gateway (connect-policy `shouldSkipLocalBackendSelfPairing`) lets exactly this
 * identity skip device pairing and keep its requested scopes, but only when the
 * connection is "local": a loopback peer with no Forwarded / X-Forwarded-* / X-Real-IP
 * header and no browser Origin. Locally our socket comes through sandbox-host's
 * loopback proxy without such headers, so it qualifies, and we need no device
 * identity and no pairing record. We ask for `operator.admin`: it satisfies every
 * method scope, and approving a `node`-role device requires it.
 *
 * In production the socket arrives through Cloudflare's container ingress. If the
 * gateway sees that as loopback without forwarded headers, nothing changes. If it does
 * not (a non-loopback peer, or the ingress adds X-Forwarded-For), the gateway treats us
 * as remote: a device-less shared-token operator keeps its socket but has its scopes
 * cleared, so every call fails with `forbidden`. Then pass `device`: a stored Ed25519
 * key (see device-identity.ts). The first such connect fails with `pairing_required`
 * (its requestId in `details`); approve it once over a local path (this client on
 * loopback, or `openclaw devices approve <id>` inside the sandbox) and from then on the
 * paired device holds `operator.admin` over any path. The device proof signs the
 * shared token we send (payload v3), which is how the gateway binds the two.
 */

/**
 * We also advertise the gateway's `exec-approvals` capability (`GATEWAY_CLIENT_CAPS.EXEC_APPROVALS`
 * in openclaw; @openclaw/gateway-client does not export it): with it, and `operator.admin`,
 * this connection counts as an exec approval client. Without any such client connected the
 * gateway expires every exec approval at once ("no-approval-route"), so the person never
 * sees one; with it, a request stays pending until answered over `exec.approval.resolve`
 * or until its timeout (then OpenClaw's `askFallback`, deny).
 */
const OPERATOR_CAPS = ["exec-approvals"];

/** Stable so a paired backend device's pinned metadata never drifts between runtimes. */
const CLIENT_PLATFORM = PLATFORM_CLIENT_PLATFORM;
const OPERATOR_SCOPES = ["operator.admin"];
const ROLE = "operator";

export type OperatorConnectInput = {
  token: string;
  nonce: string;
  /** The challenge's `ts`; device proofs must use it as `signedAt`. */
  challengeTs: number | null | undefined;
  clientVersion: string;
  device?: DeviceSigner;
};

export async function buildOperatorConnectParams(input: OperatorConnectInput): Promise<ConnectParams> {
  const client = {
    id: GATEWAY_CLIENT_NAMES.GATEWAY_CLIENT,
    version: input.clientVersion,
    platform: CLIENT_PLATFORM,
    mode: GATEWAY_CLIENT_MODES.BACKEND,
  };
  const params: ConnectParams = {
    minProtocol: PROTOCOL_VERSION,
    maxProtocol: PROTOCOL_VERSION,
    client,
    role: ROLE,
    scopes: [...OPERATOR_SCOPES],
    caps: [...OPERATOR_CAPS],
    auth: { token: input.token },
  };
  if (!input.device) return params;
  if (typeof input.challengeTs !== "number") throw new Error("gateway challenge carried no timestamp to sign");
  const payload = buildDeviceAuthPayloadV3({
    deviceId: input.device.deviceId,
    clientId: client.id,
    clientMode: client.mode,
    role: ROLE,
    scopes: OPERATOR_SCOPES,
    signedAtMs: input.challengeTs,
    token: input.token,
    nonce: input.nonce,
    platform: client.platform,
  });
  return {
    ...params,
    device: {
      id: input.device.deviceId,
      publicKey: input.device.publicKey,
      signature: await input.device.sign(payload),
      signedAt: input.challengeTs,
      nonce: input.nonce,
    },
  };
}
