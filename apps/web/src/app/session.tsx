import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { Me } from "@openclaw-cloud/contracts/web-views";
import { getMe } from "./api/account.ts";
import { ApiProblem, SIGNED_OUT_EVENT } from "./api/http.ts";

/** Who is signed in, as the whole app sees it. */
export type Session = { kind: "loading" } | { kind: "signed-out" } | { kind: "failed"; error: unknown } | { kind: "signed-in"; me: Me };

interface SessionContextValue {
  session: Session;
  /** Reads /api/me again (after signing in, joining the waitlist, ...). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ kind: "loading" });
  const refresh = useCallback(async () => {
    try {
      setSession({ kind: "signed-in", me: await getMe() });
    } catch (error) {
      setSession(error instanceof ApiProblem && error.code === "unauthorized" ? { kind: "signed-out" } : { kind: "failed", error });
    }
  }, []);
  useEffect(() => {
    void refresh();
    // Any API answer saying the session is gone (expired, signed out in another tab) ends it here too.
    const signedOut = () => setSession({ kind: "signed-out" });
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, [refresh]);
  return <SessionContext value={{ session, refresh }}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in person; only for screens shown to signed-in people. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.kind !== "signed-in") throw new Error("useMe without a signed-in session");
  return session.me;
}
