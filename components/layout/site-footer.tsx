import Link from "next/link";
import type { CurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export function SiteFooter({ municipality }: { municipality: CurrentMunicipality | null }) {
  return (
    <footer className="no-print mt-12 border-t-4 border-brand bg-surface">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 text-sm sm:grid-cols-2 sm:px-6">
        {municipality ? (
          <div>
            <p className="font-bold">{municipality.name}</p>
            <p className="whitespace-pre-line">{municipality.address}</p>
            {municipality.phone ? <p>Téléphone : {municipality.phone}</p> : null}
            {municipality.email ? (
              <p>
                Courriel : <a href={`mailto:${municipality.email}`}>{municipality.email}</a>
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="sm:col-start-2 sm:text-right">
          <ul className="space-y-1">
            <li>
              <Link href="/accessibilite">Accessibilité : partiellement conforme</Link>
            </li>
            <li>
              <Link href="/donnees">Données ouvertes et API</Link>
            </li>
            <li>
              <a href="/flux/publications.atom" type="application/atom+xml">
                Flux Atom des publications
              </a>
            </li>
            <li>
              <Link href="/verifier">Vérifier un extrait signé</Link>
            </li>
          </ul>
          <p className="mt-3 text-muted">
            Publié avec Registre, logiciel libre distribué sous licence{" "}
            <abbr title="GNU Affero General Public License" lang="en">
              AGPL
            </abbr>{" "}
            3.0 ou ultérieure.
          </p>
        </div>
      </div>
    </footer>
  );
}
