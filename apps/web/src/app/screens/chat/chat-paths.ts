/** `/chat` for the main session, `/chat/<key>` for any other. */
export function chatPath(chatKey: string): string {
  return chatKey === "main" ? "/chat" : `/chat/${encodeURIComponent(chatKey)}`;
}
