import { getPrisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { renderSittingCalendar } from "@/lib/sittings/render-sittings-calendar";
import { parseSittingSlug } from "@/lib/sittings/sitting-slug";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Aucune séance publique à cette adresse.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** GET /seances/2026-12-10/seance.ics: the sitting's calendar event (the same UID as in /flux/seances.ics). */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string }> }) {
  const { date } = await params;
  if (!parseSittingSlug(date)) return notFound();
  const municipality = await getCurrentMunicipality();
  const sitting = await getPrisma().sitting.findFirst({ where: { municipalityId: municipality.id, publicSlug: date }, select: { id: true } });
  if (!sitting) return notFound();
  const calendar = await renderSittingCalendar({ municipality, sittingId: sitting.id, baseUrl: env.PUBLIC_BASE_URL });
  if (!calendar) return notFound();
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="seance-${date}.ics"`,
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=300",
    },
  });
}
