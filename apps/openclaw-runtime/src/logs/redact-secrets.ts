/** What every secret in a log line is replaced by. */
export const REDACTED = "[redacted]";

/**
 * Secrets shorter than this are not searched for: a short string would match ordinary
 * text, and no secret the runtime holds (gateway token, provider key, bot token) is that short.
 */
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every occurrence of each secret in `text` by `[redacted]`, also in the
 * URL-encoded form a secret takes inside a logged URL (a Telegram bot token's `:` becomes
 * `%3A` in `/bot<token>/getUpdates`). Pure; longer secrets are replaced first so a secret
 * that contains another is not left half visible.
 *
 * @example redactSecrets("token=abcdef123456 ok", ["abcdef123456"]) // "token=[redacted] ok"
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
  }
  let redacted = text;
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) redacted = redacted.split(needle).join(REDACTED);
  return redacted;
}
