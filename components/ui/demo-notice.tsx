// Demo records (a fictional council, see prisma/seed/demo-council.ts) must
// never be mistaken for acts of the municipality.

const NOTICE = "Donnée de démonstration : cette séance, ses délibérations et les élus qui y figurent sont fictifs. Ce n'est pas un acte de la commune.";

/** The banner at the top of a demo sitting or deliberation. */
export function DemoNotice() {
  return (
    <p role="note" className="mx-auto my-4 max-w-4xl rounded border-2 border-notice bg-notice-soft p-3 font-semibold text-notice print:border-black print:text-black">
      {NOTICE}
    </p>
  );
}

/** The short label beside a demo item in a list. */
export function DemoBadge() {
  return (
    <span className="inline-block rounded border border-notice px-2 py-0.5 text-sm font-semibold text-notice" title={NOTICE}>
      Démonstration (fictif)
    </span>
  );
}
