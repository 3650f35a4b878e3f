import Link from "next/link";

/** The link to a signed PDF, with its nature and format announced, and where to check it. */
export function ExtractDownload({ href, label, fileName }: { href: string; label: string; fileName: string }) {
  return (
    <aside aria-label="Document signé" className="no-print mx-auto my-6 flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 rounded bg-surface p-4">
      <a href={href} download={fileName} className="font-semibold">
        {label} <span className="font-normal">(PDF signé électroniquement)</span>
      </a>
      <Link href="/verifier" className="text-sm">
        Vérifier un extrait
      </Link>
    </aside>
  );
}
