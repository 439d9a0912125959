import { z } from "zod";
import { ThreadIdSchema } from "@openclaw-cloud/contracts/threads";

/** The user id header as the api's internal auth accepts it (apps/api/src/auth/principal.ts). */
export const UserIdSchema = z.string().regex(/^[\w|:.@+-]{1,256}$/, "not a user id");

export interface ThreadOwner {
  userId: string;
  threadId: string;
}

// `~` is in neither a thread id nor a user id, so the name splits back unambiguously;
// the user id is percent-encoded because the name travels as a URL path segment.
const SEPARATOR = "~";

/**
 * The Durable Object name of a user's thread: derived on the server from the caller's
 * verified user id, so two users' threads never share an agent even with one thread id.
 *
 * @example agentName({ userId: "user_01H", threadId: "k57abc0123" }) // "k57abc0123~user_01H"
 */
export function agentName(owner: ThreadOwner): string {
  return `${owner.threadId}${SEPARATOR}${encodeURIComponent(owner.userId)}`;
}

/** The owner an agent serves, read back from its name; throws on a name agentName never made. */
export function ownerOfAgent(name: string): ThreadOwner {
  const at = name.indexOf(SEPARATOR);
  if (at < 0) throw new Error(`not a thread agent name: ${name}`);
  return { threadId: ThreadIdSchema.parse(name.slice(0, at)), userId: UserIdSchema.parse(decodeURIComponent(name.slice(at + 1))) };
}
