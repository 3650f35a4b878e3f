import type { NextRequest } from "next/server";
import { slideSession } from "@/lib/auth/slide-session";

// Next 16 reads its proxy (formerly middleware) only from this file at the
// project's root; the work is in lib/auth/slide-session.ts.

export function proxy(request: NextRequest) {
  return slideSession(request);
}

export const config = { matcher: ["/admin/:path*"] };
