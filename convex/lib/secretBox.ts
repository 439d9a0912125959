import { fail } from "./errors";

/**
 * Secrets at rest (provider keys, channel secrets): AES-256-GCM with the platform key from
 * `OPENCLAW_ENCRYPTION_KEY` (base64 of 32 random bytes). The owner and what the secret is for
 * (a provider name, or `channel:<name>`) are bound in as additional authenticated data, so a
 * ciphertext copied onto another row, or from a key row to a channel row, fails to decrypt.
 *
 * Runs in HTTP actions only: queries and mutations get seeded randomness, and an IV must
 * never repeat under one key.
 */
export type SealedSecret = { ciphertext: ArrayBuffer; iv: ArrayBuffer };

const IV_BYTES = 12;

async function platformKey(): Promise<CryptoKey> {
  const encoded = process.env.OPENCLAW_ENCRYPTION_KEY;
  if (!encoded) fail("misconfigured", "OPENCLAW_ENCRYPTION_KEY is not set");
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
  } catch {
    fail("misconfigured", "OPENCLAW_ENCRYPTION_KEY is not base64");
  }
  if (raw.length !== 32) fail("misconfigured", "OPENCLAW_ENCRYPTION_KEY must decode to 32 bytes");
  return await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

function associatedData(ownerId: string, purpose: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${ownerId}\u0000${purpose}`);
}

export async function seal(plaintext: string, ownerId: string, purpose: string): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: associatedData(ownerId, purpose) }, await platformKey(), new TextEncoder().encode(plaintext));
  return { ciphertext, iv: iv.buffer };
}

export async function open(sealed: SealedSecret, ownerId: string, purpose: string): Promise<string> {
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv, additionalData: associatedData(ownerId, purpose) }, await platformKey(), sealed.ciphertext);
  } catch (error) {
    if (error instanceof Error && error.name === "OperationError") {
      fail("misconfigured", `the ${purpose} secret cannot be decrypted: OPENCLAW_ENCRYPTION_KEY changed since it was stored`);
    }
    throw error;
  }
  return new TextDecoder().decode(plaintext);
}
