import { MarkdownTextPrimitive } from "@assistant-ui/react-markdown";
import remarkGfm from "remark-gfm";

/** A message part's text as Markdown (GitHub flavour: tables, lists, code fences), styled by .chat-markdown. */
export function MarkdownText() {
  return <MarkdownTextPrimitive remarkPlugins={[remarkGfm]} className="chat-markdown" />;
}
