import { ATTENDANCE_HEADINGS, formatProxy } from "@/lib/domain";
import { fullName } from "@/lib/deliberations/extract-wording";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import type { PublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { NameList } from "@/components/ui/name-list";

function AttendanceGroup({ id, title, names }: { id: string; title: string; names: string[] }) {
  return (
    <section aria-labelledby={id} className="mt-5">
      <h2 id={id} className="text-base font-bold">
        {title}
      </h2>
      <div className="mt-1">
        <NameList names={names} />
      </div>
    </section>
  );
}

const names = (councillors: CouncillorRef[]) => councillors.map(fullName);

/** Who was present, represented (proxy giver à holder), excused or absent at this deliberation. */
export function AttendanceLists({ attendance }: { attendance: PublishedDeliberation["attendance"] }) {
  const recorded =
    attendance.present.length + attendance.represented.length + attendance.excused.length + attendance.absent.length;
  if (recorded === 0) return <p className="mt-5">Aucune présence n&apos;est enregistrée pour ce point.</p>;
  return (
    <div>
      <AttendanceGroup id="presents" title={ATTENDANCE_HEADINGS.present} names={names(attendance.present)} />
      <AttendanceGroup
        id="pouvoirs"
        title={ATTENDANCE_HEADINGS.represented}
        names={attendance.represented.map(({ giver, holder }) => formatProxy(fullName(giver), fullName(holder)))}
      />
      <AttendanceGroup id="excuses" title={ATTENDANCE_HEADINGS.excused} names={names(attendance.excused)} />
      {attendance.absent.length > 0 ? <AttendanceGroup id="absents" title={ATTENDANCE_HEADINGS.absent} names={names(attendance.absent)} /> : null}
    </div>
  );
}
