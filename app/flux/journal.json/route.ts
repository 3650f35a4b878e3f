import { renderCheckpointFeed } from "@/lib/audit/public-checkpoints";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await renderCheckpointFeed(env.PUBLIC_BASE_URL), {
    headers: { "content-type": "application/feed+json; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  });
}
