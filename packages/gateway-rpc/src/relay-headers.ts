/*
 * The relay's upstream WebSocket request must say that it is a proxy. A loopback peer
 * with no forwarded header is "local" to the gateway, and local sockets that present the
 * shared secret are trusted far beyond a paired device: first-time device pairing is
 * approved silently (`gateway.nodes.pairing.autoApproveLocal`, on by default) and a
 * client calling itself `gateway-client`/`backend` skips pairing with operator.admin.
 * With `X-Forwarded-For` from a peer listed in `gateway.trustedProxies`, the gateway
 * attributes the socket to the forwarded client and applies remote pairing: a pending
 * request that an operator approves.
 *
 * The gateway refuses (HTTP 403) a forwarded-for that is loopback or unparseable, since
 * that would claim locality again; such clients (local development) are reported as
 * UNKNOWN_CLIENT_IP. Build these headers fresh: never copy client-sent forwarding headers.
 */

/** TEST-NET-1 (RFC 5737): never a real peer, never loopback. */
export const UNKNOWN_CLIENT_IP = "192.0.2.0";

const IP_LITERAL = /^[0-9a-fA-F:.]{2,45}$/;
const LOOPBACK = /^(127\.|::1$|0:0:0:0:0:0:0:1$|::ffff:127\.|0\.0\.0\.0$|::$)/i;

/** `clientIp` is what the edge saw, e.g. the `CF-Connecting-IP` request header. */
export function relayUpstreamHeaders(clientIp: string | null | undefined): Record<string, string> {
  const ip = clientIp?.trim() ?? "";
  const attributable = IP_LITERAL.test(ip) && !LOOPBACK.test(ip);
  return { "x-forwarded-for": attributable ? ip : UNKNOWN_CLIENT_IP };
}
