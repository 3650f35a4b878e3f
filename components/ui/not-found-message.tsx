import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="max-w-2xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Erreur 404</p>
      <h1 className="mt-2 text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4">
        La page que vous cherchez n&apos;existe pas ou n&apos;est pas publiée. Si vous avez saisi l&apos;adresse, vérifiez-la ;
        une délibération n&apos;est consultable qu&apos;une fois mise en ligne.
      </p>
      <ul className="mt-6 space-y-2">
        <li>
          <Link href="/">Retour à l&apos;accueil</Link>
        </li>
        <li>
          <Link href="/deliberations">Consulter les délibérations publiées</Link>
        </li>
        <li>
          <Link href="/seances">Consulter les séances du conseil municipal</Link>
        </li>
      </ul>
    </div>
  );
}
