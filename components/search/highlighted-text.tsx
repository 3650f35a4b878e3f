import { Fragment } from "react";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/search/search-sql";

/** Text from the search with its matched words in <mark>; everything stays escaped text, without wrapper elements. */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part}</Fragment>;
        const [marked = "", ...rest] = part.split(HIGHLIGHT_STOP);
        return (
          <Fragment key={index}>
            <mark className="bg-notice-soft font-semibold text-ink">{marked}</mark>
            {rest.join("")}
          </Fragment>
        );
      })}
    </>
  );
}
