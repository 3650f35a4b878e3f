import { formatDateFr } from "@/lib/domain";
import type { PublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";

/** Published versions of the act; shown only after a rectification. */
export function VersionHistory({ versions, current, zone }: { versions: PublishedDeliberation["versions"]; current: number; zone: string }) {
  if (versions.length <= 1) return null;
  return (
    <section aria-labelledby="versions" className="mt-8 border-t border-line pt-4 text-sm">
      <h2 id="versions" className="font-bold">
        Historique des versions
      </h2>
      <ol className="mt-2 space-y-1">
        {versions.map((version) => (
          <li key={version.version}>
            Version {version.version}
            {version.version === current ? " (version affichée)" : ""}, mise en ligne le {formatDateFr(version.publishedAt, zone)}
            {version.rectificationReason ? ` : rectificatif, ${version.rectificationReason}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
