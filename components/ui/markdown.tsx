import Markdown from "react-markdown";

/**
 * The report and proposals, written in Markdown by the clerks. Raw HTML is dropped;
 * headings start at level 3 so that the page keeps a single h1 and its h2 sections.
 */
export function ActText({ source }: { source: string }) {
  return (
    <div className="act-text">
      <Markdown
        skipHtml
        components={{
          h1: ({ node: _node, ...props }) => <h3 {...props} />,
          h2: ({ node: _node, ...props }) => <h3 {...props} />,
          h3: ({ node: _node, ...props }) => <h4 {...props} />,
          h4: ({ node: _node, ...props }) => <h5 {...props} />,
          img: ({ node: _node, alt }) => <span>{alt}</span>,
        }}
      >
        {source}
      </Markdown>
    </div>
  );
}
