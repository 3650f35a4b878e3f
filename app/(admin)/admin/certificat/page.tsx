import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { formatDateFr } from "@/lib/domain";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getSigningCertificateStatus } from "@/lib/signing/get-signing-certificate-status";
import { agree, countOf } from "@/lib/domain/plural";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Certificat de signature" };

/** The certificate that signs the extracts: identity, chain, expiry. Administrators only. */
export default async function SigningCertificatePage() {
  const user = await getPageUser();
  if (!user || !ADMIN_ROLES.includes(user.role)) return <ForbiddenNotice title="Certificat de signature des extraits" />;
  const [status, { timeZone }] = await Promise.all([getSigningCertificateStatus({ user }), getCurrentMunicipality()]);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-3xl font-bold">Certificat de signature des extraits</h1>
      {!status.ok ? (
        <p role="alert" className="rounded border-2 border-danger p-4">
          <strong>Les extraits ne peuvent pas être signés.</strong> {status.message}
        </p>
      ) : (
        <>
          {status.source === "development" ? (
            <p role="alert" className="rounded bg-notice-soft p-4 text-notice">
              <strong>Certificat de développement.</strong> Il a été créé automatiquement dans le répertoire de données et
              n&apos;a aucune valeur légale. En production, configurez un certificat de signature (fichier PKCS#12) avec
              REGISTRE_SIGNING_P12_PATH ou REGISTRE_SIGNING_P12_BASE64, et REGISTRE_SIGNING_P12_PASSPHRASE.
            </p>
          ) : null}
          {status.daysLeft < 30 ? (
            <p role="alert" className="rounded border-2 border-danger p-4">
              {status.daysLeft < 0
                ? "Le certificat a expiré : les nouveaux extraits ne seront plus reconnus comme valides. Remplacez-le."
                : `Le certificat expire dans ${countOf(status.daysLeft, "jour")} : préparez son renouvellement.`}
            </p>
          ) : null}
          <p>
            Source : {status.source === "pkcs12" ? "fichier PKCS#12 configuré" : "identité de développement"}.{" "}
            {countOf(status.issuedWithIt, "document")} {agree(status.issuedWithIt, "délivré")} avec ce
            certificat.
          </p>
          {status.chain.map((certificate, index) => (
            <section key={certificate.fingerprint256} aria-labelledby={`certificat-${index}`} className="rounded border border-line p-4">
              <h2 id={`certificat-${index}`} className="text-xl font-bold">
                {index === 0 ? "Certificat du signataire" : `Autorité de certification (niveau ${index})`}
              </h2>
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">Titulaire</dt>
                <dd>{certificate.subject}</dd>
                <dt className="font-semibold">Émetteur</dt>
                <dd>{certificate.issuer}</dd>
                <dt className="font-semibold">Numéro de série</dt>
                <dd className="break-all font-mono text-sm">{certificate.serialNumber}</dd>
                <dt className="font-semibold">Valide du</dt>
                <dd>
                  {formatDateFr(certificate.validFrom, timeZone)} au {formatDateFr(certificate.validTo, timeZone)}
                </dd>
                <dt className="font-semibold">Empreinte SHA-256</dt>
                <dd className="break-all font-mono text-sm">{certificate.fingerprint256}</dd>
              </dl>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
