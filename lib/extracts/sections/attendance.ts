import { ATTENDANCE_HEADINGS, formatProxy, SECRETARY_LABEL } from "@/lib/domain";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { fullName } from "@/lib/deliberations/extract-wording";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { plain } from "@/lib/pdf/text-runs";
import { namesSentence, titledNames } from "./names";

export type AttendanceLists = {
  present: CouncillorRef[];
  represented: { giver: CouncillorRef; holder: CouncillorRef }[];
  excused: CouncillorRef[];
  absent: CouncillorRef[];
};

const group = (pdf: PdfComposer, title: string, text: string) => titledNames(pdf, title, text, { before: 4, after: 3, textAfter: 6 });

/** Present, represented (with the holder of each proxy), excused and, when there are any, absent. */
export function attendanceLists(pdf: PdfComposer, attendance: AttendanceLists): void {
  group(pdf, ATTENDANCE_HEADINGS.present, namesSentence(attendance.present));
  group(
    pdf,
    ATTENDANCE_HEADINGS.represented,
    attendance.represented.length === 0
      ? "NEANT"
      : `${attendance.represented.map(({ giver, holder }) => formatProxy(fullName(giver), fullName(holder))).join(", ")}.`,
  );
  group(pdf, ATTENDANCE_HEADINGS.excused, namesSentence(attendance.excused));
  if (attendance.absent.length > 0) group(pdf, ATTENDANCE_HEADINGS.absent, namesSentence(attendance.absent));
}

/** "Secrétaire : Madame …" */
export function secretaryLine(pdf: PdfComposer, secretary: CouncillorRef): void {
  pdf.paragraph(plain(`${SECRETARY_LABEL} : ${fullName(secretary)}`), { spaceBefore: 4 });
}
