import { z } from "zod";

/**
 * What the api checks and the runtime checks again (and then hands to the gateway) for the
 * gateway's own surfaces: one definition, so the two can never disagree on what is valid.
 */

/** An OpenClaw session key (`agent:main:<key>` or the bare key the gateway expands). */
export const SessionKeySchema = z.string().min(1).max(512);

/** A gateway-issued id in a path: a device pairing request, an exec approval. */
export const GatewayRequestIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w:.-]+$/);

export const ChannelNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/);

/** `GET …/dm-pairing` query. */
export const DmPairingQuerySchema = z.strictObject({ channel: ChannelNameSchema.optional(), accountId: z.string().min(1).max(128).optional() });

/** `POST …/dm-pairing/approve` body; OpenClaw's channels name their single account "default". */
export const DmPairingApproveSchema = z.strictObject({
  channel: ChannelNameSchema,
  accountId: z.string().min(1).max(128).default("default"),
  requestId: z.string().min(1).max(200),
  notify: z.boolean().optional(),
});

/** `POST …/tools/invoke` body: the gateway's HTTP tool policy decides what may run. */
export const ToolInvokeSchema = z.strictObject({
  tool: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w.-]+$/),
  action: z.string().max(128).optional(),
  args: z.record(z.string(), z.unknown()).optional(),
  sessionKey: SessionKeySchema.optional(),
});

/** `POST …/sessions/:sessionKey/send` body. */
export const SessionSendSchema = z.strictObject({ message: z.string().min(1).max(100_000), stream: z.boolean().optional() });

/** The gateway's own `/v1/responses` body limit, which both workers apply before it. */
export const MAX_RESPONSES_BODY_BYTES = 20 * 1024 * 1024;
