import { lazy, Suspense, type ReactNode } from "react";
import { AppShell } from "./components/AppShell.tsx";
import { ErrorNotice } from "./components/ErrorNotice.tsx";
import { Spinner } from "./components/Spinner.tsx";
import { InstanceProvider } from "./instance.tsx";
import { matchPath, useLocation } from "./router.tsx";
import { BackupsScreen } from "./screens/backups/BackupsScreen.tsx";
import { ChannelsScreen } from "./screens/channels/ChannelsScreen.tsx";
import { DevicesScreen } from "./screens/devices/DevicesScreen.tsx";
import { HomeScreen } from "./screens/home/HomeScreen.tsx";
import { NotAllowedScreen, NotFoundScreen } from "./screens/NotAllowedScreen.tsx";
import { SettingsScreen } from "./screens/settings/SettingsScreen.tsx";
import { SignInScreen } from "./screens/SignInScreen.tsx";
import { SupportScreen } from "./screens/support/SupportScreen.tsx";
import { WaitlistScreen } from "./screens/WaitlistScreen.tsx";
import { SessionProvider, useSession } from "./session.tsx";
import { ThreadsProvider } from "./threads.tsx";

// Chat (Markdown, assistant-ui) and admin are not needed for the first paint: loaded when opened.
const ChatScreen = lazy(() => import("./screens/chat/ChatScreen.tsx"));
// The Hatchery (React Flow) and a thread (the Agents SDK client, assistant-ui): same reason.
const HatcheryScreen = lazy(() => import("./screens/hatchery/HatcheryScreen.tsx"));
const ThreadScreen = lazy(() => import("./screens/thread/ThreadScreen.tsx"));
const AdminScreen = lazy(() => import("./screens/admin/AdminScreen.tsx"));

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** Who sees what: signed out → sign-in; no access → waitlist; everyone else → the app. */
function Gate() {
  const { session, refresh } = useSession();
  const { path } = useLocation();
  if (session.kind === "loading")
    return (
      <FullPage>
        <Spinner label="Loading OpenClaw Cloud…" />
      </FullPage>
    );
  if (session.kind === "failed")
    return (
      <FullPage>
        <ErrorNotice error={session.error} onRetry={() => void refresh()} />
      </FullPage>
    );
  if (session.kind === "signed-out") return <SignInScreen />;
  if (!session.me.access) return <WaitlistScreen />;
  if (path.startsWith("/admin") && !session.me.admin) return <NotAllowedScreen />;
  return (
    <InstanceProvider>
      <ThreadsProvider>
        <AppShell>
          <Suspense fallback={<Spinner label="Loading…" />}>
            <SignedInRoutes path={path} />
          </Suspense>
        </AppShell>
      </ThreadsProvider>
    </InstanceProvider>
  );
}

function SignedInRoutes({ path }: { path: string }) {
  if (path === "/" || path === "/sign-in") return <HatcheryScreen />;
  if (path === "/openclaw" || path === "/create") return <HomeScreen />;
  const thread = matchPath("/t/:threadId", path);
  if (thread) return <ThreadScreen key={thread.threadId} threadId={thread.threadId!} />;
  if (path === "/chat") return <ChatScreen sessionKey={null} />;
  const chat = matchPath("/chat/:sessionKey", path);
  if (chat) return <ChatScreen sessionKey={chat.sessionKey!} />;
  if (path === "/devices") return <DevicesScreen />;
  if (path === "/channels") return <ChannelsScreen />;
  if (path === "/backups") return <BackupsScreen />;
  if (path === "/settings") return <SettingsScreen />;
  if (path === "/support") return <SupportScreen />;
  if (path === "/admin" || matchPath("/admin/:tab", path)) return <AdminScreen />;
  return <NotFoundScreen />;
}

function FullPage({ children }: { children: ReactNode }) {
  return <main className="center-page">{children}</main>;
}
