import { z } from "zod";
import { ApiError } from "./api-error.ts";

const DocumentIdParam = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w;:.-]+$/);

/** Validates a path or query value; 400 invalid_request naming the parameter. */
export function parseParam<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError("invalid_request", 400, `${name}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** A Convex document id in a path. */
export function idParam(value: string | undefined, name = "id"): string {
  return parseParam(DocumentIdParam, value, name);
}
