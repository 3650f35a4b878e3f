import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/search/search-sql";

/** Text from the search with its matched words in <mark>; everything stays escaped text. */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{part}</span>;
        const [marked = "", ...rest] = part.split(HIGHLIGHT_STOP);
        return (
          <span key={index}>
            <mark className="bg-notice-soft font-semibold text-ink">{marked}</mark>
            {rest.join("")}
          </span>
        );
      })}
    </>
  );
}
