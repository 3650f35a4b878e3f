import Link from "next/link";
import { formatDateFr, formatTimeFr, timeZoneLabel } from "@/lib/domain";
import type { ExtractVerification } from "@/lib/extracts/verify-issued-extract";
import { deliberationPath } from "@/lib/publication/deliberation-path";

function issuedAtText(date: Date, zone: string): string {
  return `${formatDateFr(date, zone)} à ${formatTimeFr(date, zone)}`;
}

/** The answer of /verifier: issued by the portal (and what it is), or not. */
export function VerificationResult({
  verification,
  by,
  zone,
}: {
  verification: ExtractVerification | null;
  /** The municipality's time zone. */
  zone: string;
  by: "file" | "code";
}) {
  if (!verification) {
    return (
      <section aria-labelledby="resultat" className="mt-8 rounded border-2 border-danger p-4">
        <h2 id="resultat" tabIndex={-1} className="text-xl font-bold text-danger">
          Document non reconnu
        </h2>
        <p className="mt-2">
          {by === "file"
            ? "Ce fichier n'a pas été délivré par ce portail, ou il a été modifié depuis : même un seul octet changé donne une autre empreinte."
            : "Aucun document délivré par ce portail ne porte ce code. Vérifiez sa saisie (12 caractères, par exemple 7KQ2-M9XD-4HPA)."}
        </p>
      </section>
    );
  }
  const { deliberation, sitting, newer } = verification;
  return (
    <section aria-labelledby="resultat" className="mt-8 rounded border-2 border-success p-4">
      <h2 id="resultat" tabIndex={-1} className="text-xl font-bold text-success">
        {by === "file" ? "Document authentique : délivré par ce portail, non modifié" : "Code reconnu : document délivré par ce portail"}
      </h2>
      <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Document</dt>
        <dd>
          {deliberation ? (
            <>
              Extrait de la délibération{" "}
              <Link href={deliberationPath(deliberation.number)}>{deliberation.number}</Link>
              {deliberation.version > 1 ? ` (version rectifiée n° ${deliberation.version})` : ""} : {deliberation.subject}
              {deliberation.isDemo ? " (donnée de démonstration, fictive)" : ""}
            </>
          ) : sitting ? (
            <>
              {verification.kind === "CLOSING_SHEET" ? "Feuillet de clôture de la" : verification.kind === "CONVOCATION" ? "Convocation à la" : verification.kind === "MINUTES" ? "Procès-verbal de la" : "Liste des délibérations de la"}{" "}
              <Link href={`/seances/${sitting.slug}`}>séance du {formatDateFr(sitting.startsAt, zone)}</Link>
            </>
          ) : verification.registerYear !== null ? (
            <>
              {verification.kind === "REGISTER_TABLE_BY_DATE" ? "Table chronologique" : "Table par matière"} du{" "}
              <Link href="/registre">registre des délibérations de {verification.registerYear}</Link>
            </>
          ) : (
            verification.fileName
          )}
        </dd>
        <dt className="font-semibold">Délivré le</dt>
        <dd>{issuedAtText(verification.issuedAt, zone)} ({timeZoneLabel(zone)})</dd>
        <dt className="font-semibold">Signé par</dt>
        <dd>{verification.signerName}</dd>
        <dt className="font-semibold">Code de vérification</dt>
        <dd className="font-mono">{verification.verificationCode}</dd>
        <dt className="font-semibold">Empreinte SHA-256</dt>
        <dd className="break-all font-mono text-sm">{verification.sha256}</dd>
      </dl>
      {by === "code" ? (
        <p className="mt-3 text-sm">
          Le code seul ne prouve pas que votre copie est intacte : pour cela, déposez le fichier PDF ci-dessus, ou comparez son
          empreinte SHA-256 à celle-ci.
        </p>
      ) : null}
      {newer ? (
        <p className="mt-4 rounded bg-notice-soft p-3 text-notice">
          <strong>Une version plus récente existe.</strong> {newer.label} <a href={newer.href}>Télécharger la version en vigueur</a>
        </p>
      ) : (
        <p className="mt-4">C&apos;est la version en vigueur : aucune version plus récente n&apos;a été délivrée.</p>
      )}
    </section>
  );
}
