import { MarkdownTextPrimitive } from "@assistant-ui/react-markdown";
import remarkGfm from "remark-gfm";

/**
 * A message part's text as Markdown (GitHub flavour: tables, lists, code fences), styled by
 * .chat-markdown. No smoothing: assistant-ui's typing effect would hold back text that has
 * already arrived (and keep "typing" after Stop); the reply paints as the deltas come.
 */
export function MarkdownText() {
  return <MarkdownTextPrimitive remarkPlugins={[remarkGfm]} className="chat-markdown" smooth={false} />;
}
