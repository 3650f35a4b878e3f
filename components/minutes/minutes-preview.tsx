import { ActText } from "@/components/ui/markdown";
import { describeOutcome, formatCouncillorName, formatDateFr, formatTimeFr, TALLY_LABELS } from "@/lib/domain";
import type { MinutesCouncillor, MinutesItem, MinutesRecord } from "@/lib/minutes/minutes-record";

// The PV as the records compose it, on screen: what the signed PDF will state.

const names = (councillors: readonly MinutesCouncillor[]) => (councillors.length ? councillors.map((councillor) => formatCouncillorName(councillor)).join(", ") : "néant");

function ItemPreview({ item, zone }: { item: MinutesItem; zone: string }) {
  const { deliberation } = item;
  const outcome = deliberation ? (deliberation.vote?.result ?? deliberation.outcome) : null;
  return (
    <li className="flex flex-col gap-1 border-t border-line pt-3">
      <h4 className="font-bold">
        {item.position}. {item.title}
      </h4>
      {item.approval?.result ? <p>Procès-verbal de la séance du {formatDateFr(item.approval.sittingStartsAt, zone)} {item.approval.result}.</p> : null}
      {deliberation ? (
        <>
          <p>
            Délibération {deliberation.number}
            {deliberation.rapporteur ? `, rapporteur : ${formatCouncillorName(deliberation.rapporteur)}` : ""}
          </p>
          {deliberation.quorum ? <p>{deliberation.quorum.message}</p> : null}
          {deliberation.vote ? (
            <p>
              {deliberation.vote.secret ? "Scrutin secret. " : ""}
              {TALLY_LABELS.votesFor} : {deliberation.vote.votesFor}, {TALLY_LABELS.votesAgainst.toLowerCase()} : {deliberation.vote.votesAgainst},{" "}
              {TALLY_LABELS.abstentions.toLowerCase()} : {deliberation.vote.abstentions}
              {deliberation.vote.secret ? "" : ` — contre : ${names(deliberation.vote.against)} ; abstentions : ${names(deliberation.vote.abstained)}`}
            </p>
          ) : null}
          {outcome ? <p className="font-medium">{describeOutcome({ outcome, tally: deliberation.vote })}</p> : null}
        </>
      ) : null}
      {item.discussion ? (
        <div className="rounded bg-surface p-2">
          <ActText source={item.discussion} />
        </div>
      ) : null}
    </li>
  );
}

export function MinutesPreview({ record, zone }: { record: MinutesRecord; zone: string }) {
  const { sitting, rollCall } = record;
  return (
    <div className="flex flex-col gap-3">
      <p>
        Séance du {formatDateFr(sitting.startsAt, zone)} à {formatTimeFr(sitting.startsAt, zone)}, {sitting.place} ; présidence : {formatCouncillorName(sitting.president)} ;
        secrétaire : {formatCouncillorName(sitting.secretary)} ; {sitting.membersInOffice} membres en exercice.
      </p>
      {rollCall ? (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Présents</dt>
          <dd>{names(rollCall.present)}</dd>
          <dt className="font-semibold">Représentés</dt>
          <dd>{rollCall.represented.length ? rollCall.represented.map(({ giver, holder }) => `${formatCouncillorName(giver)} (pouvoir à ${formatCouncillorName(holder)})`).join(", ") : "néant"}</dd>
          <dt className="font-semibold">Excusés</dt>
          <dd>{names(rollCall.excused)}</dd>
          <dt className="font-semibold">Absents</dt>
          <dd>{names(rollCall.absent)}</dd>
        </dl>
      ) : (
        <p>Aucune liste de présence n&apos;est encore enregistrée.</p>
      )}
      {record.movements.length ? (
        <ul className="list-disc pl-6">
          {record.movements.map((movement) => (
            <li key={movement}>{movement}</li>
          ))}
        </ul>
      ) : null}
      <ol className="flex flex-col gap-3">
        {record.items.map((item) => (
          <ItemPreview key={item.key} item={item} zone={zone} />
        ))}
      </ol>
    </div>
  );
}
