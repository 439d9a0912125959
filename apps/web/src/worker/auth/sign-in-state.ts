/**
 * The AuthKit round trip's `state`: a random nonce, also kept in a short-lived HttpOnly
 * cookie together with where to return, so the callback accepts only a sign-in this
 * browser started here (no login CSRF).
 */
export const SIGN_IN_STATE_COOKIE = "oc_sign_in_state";
export const SIGN_IN_STATE_TTL_SECONDS = 600;

export interface SignInState {
  nonce: string;
  returnTo: string;
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}

export function encodeSignInState(state: SignInState): string {
  return `${state.nonce}.${encodeURIComponent(state.returnTo)}`;
}

export function decodeSignInState(cookie: string | undefined): SignInState | null {
  if (!cookie) return null;
  const dot = cookie.indexOf(".");
  if (dot <= 0) return null;
  try {
    return { nonce: cookie.slice(0, dot), returnTo: decodeURIComponent(cookie.slice(dot + 1)) };
  } catch {
    return null;
  }
}
