/** How long a title named from a message may be: what a sidebar row shows without wrapping twice. */
export const TITLE_FROM_TEXT_MAX = 60;

/**
 * The title a thread gets from its first message: the first line with text, whitespace
 * collapsed, cut at a word boundary to at most `max` characters (with an ellipsis when
 * cut). Null when the message has no text to name it by.
 *
 * @example
 * titleFromUserText("  Plan a trip to Lisbon\nwith kids") // "Plan a trip to Lisbon"
 */
export function titleFromUserText(text: string, max = TITLE_FROM_TEXT_MAX): string | null {
  const line = text
    .split(/\r?\n/)
    .map((candidate) => candidate.replace(/\s+/g, " ").trim())
    .find((candidate) => candidate.length > 0);
  if (!line) return null;
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max - 1).join("");
  const atWord = cut.replace(/\s+\S*$/, "");
  // A single long word (a URL) is cut where it must be rather than left empty.
  return `${(atWord.length >= max / 2 ? atWord : cut).trimEnd()}…`;
}
