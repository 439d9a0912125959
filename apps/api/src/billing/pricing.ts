/**
 * What one model token (input or output, as the gateway counts them) costs in credits.
 * Alone in its module so Node-side tests can import it without the worker's types.
 */
export const CREDITS_PER_TOKEN = 1;
