// Atom 1.0 (RFC 4287), written by hand: a feed is a few elements, escaped.

export type AtomEntry = {
  id: string;
  title: string;
  url: string;
  updated: Date;
  published?: Date;
  summary: string;
  categories?: string[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  selfUrl: string;
  alternateUrl: string;
  author: string;
  updated: Date;
  entries: AtomEntry[];
};

export function escapeXml(text: string): string {
  return text
    // XML 1.0 forbids most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function renderAtomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${entry.updated.toISOString()}</updated>${entry.published ? `\n    <published>${entry.published.toISOString()}</published>` : ""}
    <summary type="text">${escapeXml(entry.summary)}</summary>${(entry.categories ?? [])
      .map((category) => `\n    <category term="${escapeXml(category)}"/>`)
      .join("")}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>${feed.subtitle ? `\n  <subtitle>${escapeXml(feed.subtitle)}</subtitle>` : ""}
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>${escapeXml(feed.author)}</name></author>
  <generator>Registre</generator>
${entries.join("\n")}
</feed>
`;
}
