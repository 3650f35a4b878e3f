import { formatDateShortFr, formatWeekdayDateFr, isoDay, type ExecutoryStep } from "@/lib/domain";

/** The prefecture's acknowledgement of receipt and the mayor's certification of the executory character. */
export function ReceiptBox({
  receipt,
  certification,
  note,
}: {
  receipt: { actesId: string; receivedAt: Date; signedAt: Date | null } | null;
  certification: ExecutoryStep[];
  /** Said instead of the certification (a rejected act has none). */
  note?: string;
}) {
  return (
    <section aria-labelledby="accuse-reception" className="avoid-break mx-auto mt-6 max-w-xl border-2 border-ink p-4 text-sm">
      <h2 id="accuse-reception" className="text-base font-bold">
        Accusé de réception en préfecture
      </h2>
      {receipt ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
          <dt>Identifiant :</dt>
          <dd className="break-words font-mono">{receipt.actesId}</dd>
          <dt>Date de signature :</dt>
          <dd>{receipt.signedAt ? formatDateShortFr(isoDay(receipt.signedAt)) : "non renseignée"}</dd>
          <dt>Date de réception :</dt>
          <dd>{formatWeekdayDateFr(isoDay(receipt.receivedAt))}</dd>
        </dl>
      ) : (
        <p className="mt-2">Aucun accusé de réception n&apos;est enregistré pour cet acte.</p>
      )}
      {note ? (
        <p className="mt-3 font-semibold" data-testid="receipt-note">
          {note}
        </p>
      ) : null}
      {certification.length > 0 ? (
        <>
          <p className="mt-3 font-bold uppercase">Pour certification du caractère exécutoire :</p>
          <ul className="mt-1 space-y-1">
            {certification.map((step) => (
              <li key={step.key} className="flex gap-2">
                <span aria-hidden="true" className={step.done ? "font-bold text-success" : "font-bold text-danger"}>
                  {step.done ? "✓" : "✗"}
                </span>
                <span>
                  <span className="uppercase">{step.label}</span>
                  <span className="sr-only">{step.done ? " : oui" : " : non"}</span>
                  {step.date ? <span className="text-muted"> (le {formatDateShortFr(isoDay(step.date))})</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
