/**
 * Where to land after signing in: only a path on this site (`/x?y#z`), never another
 * origin or a protocol-relative `//host`, so a sign-in link cannot be turned into an
 * open redirect. Anything else lands on the home page.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
