import type { ConvexClient, GatewayChannelSecret, GatewayProviderKey } from "@openclaw-cloud/convex-client";

export interface GatewaySecrets {
  keys: GatewayProviderKey[];
  channels: GatewayChannelSecret[];
}

/** Everything secret a user's gateway is configured with, read from Convex in one round trip's time. */
export async function readGatewaySecrets(convex: ConvexClient, ownerId: string): Promise<GatewaySecrets> {
  const [keys, channels] = await Promise.all([convex.getProviderKeysForGateway(ownerId), convex.getChannelSecretsForGateway(ownerId)]);
  return { keys, channels };
}
