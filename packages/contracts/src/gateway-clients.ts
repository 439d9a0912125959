/**
 * The platform's own connection to a tenant's gateway (the runtime's operator: pairing,
 * devices, exec approvals) names this platform when it pairs, so the gateway lists it
 * among the person's devices; the website tells it apart by this name.
 */
export const PLATFORM_CLIENT_PLATFORM = "openclaw-cloud";
