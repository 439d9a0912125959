// Placeholder until this screen is built.
export default function ChatScreen({ sessionKey }: { sessionKey: string | null }) {
  return <section className="page"><h1>Chat {sessionKey}</h1></section>;
}
