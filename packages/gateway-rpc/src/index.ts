export { connectGatewayRpc } from "./gateway-rpc.ts";
export type { ConnectGatewayRpcOptions, GatewayRpc } from "./gateway-rpc.ts";
export { GatewayRpcError } from "./gateway-rpc-error.ts";
export type { GatewayRpcErrorCode } from "./gateway-rpc-error.ts";
export type {
  DevicePairingList,
  DmPairingAccount,
  DmPairingApproval,
  DmPairingList,
  DmPairingRequest,
  ExecApproval,
  GatewayStatus,
  PairedDevice,
  PendingDevice,
  SetupCode,
} from "./rpc-results.ts";
export { generateDeviceKey, loadDeviceSigner } from "./device-identity.ts";
export type { DeviceKeyJwk, DeviceSigner } from "./device-identity.ts";
export type { WebSocketLike } from "./socket-adapter.ts";
export { connectDeviceId, decideSharedAuth, injectSharedAuth, REDACTED_SECRET, scrubSharedSecret } from "./connect-frame.ts";
export type { SharedAuthDecision } from "./connect-frame.ts";
export { relayUpstreamHeaders, UNKNOWN_CLIENT_IP } from "./relay-headers.ts";
