import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { renderSittingsCalendar } from "@/lib/sittings/render-sittings-calendar";

export const dynamic = "force-dynamic";

export async function GET() {
  const municipality = await getCurrentMunicipality();
  const calendar = await renderSittingsCalendar({ municipality, baseUrl: env.PUBLIC_BASE_URL });
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="seances.ics"',
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=300",
    },
  });
}
