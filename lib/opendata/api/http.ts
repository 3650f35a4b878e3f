import { NextResponse } from "next/server";

// Every /api/v1 answer: JSON, readable from any origin (open data, read only).
export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-max-age": "86400",
} as const;

export function apiJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { ...CORS_HEADERS, "cache-control": "public, max-age=60" } });
}

export function apiNotFound(message: string): NextResponse {
  return NextResponse.json({ error: message }, { status: 404, headers: CORS_HEADERS });
}

export function apiOptions(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
