import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default async function AccessibilityPage() {
  const municipality = await getCurrentMunicipality();
  return (
    <div className="max-w-3xl">
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Accessibilité" }]} />
      <h1 className="text-3xl font-bold">Déclaration d&apos;accessibilité</h1>
      <p className="mt-4">
        {municipality.name} s&apos;engage à rendre son registre des délibérations accessible, conformément à l&apos;article 47
        de la loi n° 2005-102 du 11 février 2005.
      </p>
      <h2 className="mt-8 text-2xl font-bold">État de conformité</h2>
      <p className="mt-2">
        Ce site est <strong>partiellement conforme</strong> au référentiel général d&apos;amélioration de l&apos;accessibilité
        (RGAA) : il n&apos;a pas encore fait l&apos;objet d&apos;un audit. Il est conçu et testé automatiquement pour respecter
        les critères WCAG 2.1 de niveau AA (structure, contrastes, navigation au clavier, tableaux et listes).
      </p>
      <h2 className="mt-8 text-2xl font-bold">Retour d&apos;information et contact</h2>
      <p className="mt-2">
        Si vous ne parvenez pas à accéder à un contenu, contactez la mairie
        {municipality.email ? (
          <>
            {" "}
            à l&apos;adresse <a href={`mailto:${municipality.email}`}>{municipality.email}</a>
          </>
        ) : null}
        {municipality.phone ? ` ou au ${municipality.phone}` : ""} pour obtenir une alternative accessible.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Voies de recours</h2>
      <p className="mt-2">
        Si vous signalez un défaut d&apos;accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur
        des droits (formulaire en ligne, délégué territorial ou courrier gratuit : Défenseur des droits, Libre réponse 71120,
        75342 Paris CEDEX 07).
      </p>
    </div>
  );
}
