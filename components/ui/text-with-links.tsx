import { Fragment } from "react";

const EMAIL = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Plain text keeping its line breaks, with e-mail addresses made into links. */
export function TextWithLinks({ text, className = "" }: { text: string; className?: string }) {
  const parts = text.split(EMAIL);
  return (
    <p className={`whitespace-pre-line ${className}`}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={`mailto:${part}`}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}
