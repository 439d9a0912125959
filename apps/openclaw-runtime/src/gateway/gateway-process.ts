/** Process id of the gateway inside the sandbox (one per tenant, restarted under the same id). */
export const GATEWAY_PROCESS = "gateway";
