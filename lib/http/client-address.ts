import { BlockList, isIP } from "node:net";

// The address a sign-in is counted against. `X-Forwarded-For` is written by
// whoever sends the request, so it is believed only as far as it was written by
// a proxy the operator trusts (REGISTRE_TRUSTED_PROXIES): the client is the
// right-most address that is not one of those proxies. Without trusted proxies,
// the client is the socket's peer. The front (lib/http/front.ts) computes it
// where the socket is seen and hands it to the application in a header of its
// own, after removing any copy the client sent.

/** The header the front sets; the application reads the client's address from it and from nothing else. */
export const CLIENT_ADDRESS_HEADER = "x-registre-client-address";

/** What sign-in records when no address is known (a request that did not come through the front). */
export const UNKNOWN_ADDRESS = "inconnue";

export type TrustedProxies = { list: BlockList; entries: string[] };

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is `127.0.0.1`. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/**
 * Parses REGISTRE_TRUSTED_PROXIES: comma-separated addresses and CIDR blocks
 * (`10.0.0.1, 10.1.0.0/16, ::1, fd00::/8`). Throws with a French message on an
 * entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const normalized = normalizeAddress(address ?? "");
    const family = isIP(normalized);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maximum = family === 6 ? 128 : 32;
    if (!family || rest.length || (bits !== undefined && (!/^\d+$/.test(prefix!) || bits > maximum))) {
      throw new Error(`REGISTRE_TRUSTED_PROXIES : « ${entry} » n'est ni une adresse IP ni un bloc CIDR (exemple : 10.0.0.0/8).`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(normalized, type);
    else list.addSubnet(normalized, bits, type);
  }
  return { list, entries };
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy;
 * then the right-most address of `X-Forwarded-For` that is not a trusted proxy
 * (the left-most one when all are trusted). A malformed entry where the walk
 * stops is not an address anyone vouches for: the last trusted hop is kept.
 */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trusted: TrustedProxies }): string {
  const peer = normalizeAddress(input.socketAddress ?? "");
  if (!peer) return UNKNOWN_ADDRESS;
  if (!isTrusted(input.trusted, peer)) return peer;
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const hops = header
    .split(",")
    .map(normalizeAddress)
    .filter(Boolean);
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!;
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(input.trusted, hop)) return hop;
  }
  return client;
}
