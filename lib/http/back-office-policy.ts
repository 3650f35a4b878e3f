import { NextResponse, type NextRequest } from "next/server";
import { backOfficeContentSecurityPolicy } from "./security-headers";

/**
 * Gives a back-office request its Content-Security-Policy with a fresh nonce:
 * Next reads the policy from the request headers and puts the nonce on every
 * script it renders; the browser reads it from the response. `handle` gets the
 * request carrying the policy and returns the response to send.
 */
export async function withBackOfficePolicy(request: NextRequest, handle: (forwarded: NextRequest, next: () => NextResponse) => Promise<NextResponse>): Promise<NextResponse> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = backOfficeContentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set("x-nonce", nonce);
  const next = () => NextResponse.next({ request: { headers } });
  const response = await handle(request, next);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}
