import type { Me, PublicUser, WaitlistEntry } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

/** Who is signed in (401 `unauthorized` when nobody is). */
export const getMe = () => api<Me>("/api/me");

/** How this site signs people in: WorkOS AuthKit, the local form (development), or not at all. */
export const getSignInMethod = () => api<{ method: "workos" | "local" | "none" }>("/auth/config");

/** The local sign-in (development only): sets the session cookie. */
export const localSignIn = (email: string, name: string) => api<{ user: PublicUser }>("/api/auth/local/sign-in", { method: "POST", json: { email, ...(name ? { name } : {}) } });

export const joinWaitlist = (note: string) => api<{ entry: WaitlistEntry; access: boolean }>("/api/waitlist", { method: "POST", json: note ? { note } : {} });
