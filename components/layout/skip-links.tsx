/** The first thing a keyboard reaches: jump past the header (RGAA 12.7). */
export function SkipLinks() {
  return (
    <div className="no-print">
      <a
        href="#contenu"
        className="sr-only bg-white px-4 py-2 font-semibold focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:shadow-lg"
      >
        Aller au contenu
      </a>
    </div>
  );
}
