import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress, UNKNOWN_ADDRESS } from "@/lib/http/client-address";

describe("client address", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.1, 192.168.0.0/16, ::1, fd00::/8");

  it("[client-address]: without trusted proxies, the socket's peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ socketAddress: "203.0.113.7", forwardedFor: "1.2.3.4", trusted: none })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: undefined, trusted: none })).toBe("127.0.0.1");
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: "1.2.3.4", trusted: none })).toBe(UNKNOWN_ADDRESS);
  });

  it("[client-address]: behind trusted proxies, the right-most address that is not one of them", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.7", trusted: proxies })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "10.0.0.1", forwardedFor: ["6.6.6.6, 203.0.113.7", "192.168.4.4"], trusted: proxies })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "::1", forwardedFor: "2001:db8::5, fd12::1", trusted: proxies })).toBe("2001:db8::5");
    // A peer that is not trusted is the client, even if it sends the header.
    expect(resolveClientAddress({ socketAddress: "198.51.100.2", forwardedFor: "1.2.3.4", trusted: proxies })).toBe("198.51.100.2");
    // All trusted: the left-most; no header: the proxy itself.
    expect(resolveClientAddress({ socketAddress: "10.0.0.1", forwardedFor: "192.168.1.1", trusted: proxies })).toBe("192.168.1.1");
    expect(resolveClientAddress({ socketAddress: "10.0.0.1", forwardedFor: undefined, trusted: proxies })).toBe("10.0.0.1");
    // Garbage where the walk stops: the last address a trusted proxy vouched for.
    expect(resolveClientAddress({ socketAddress: "10.0.0.1", forwardedFor: "1.2.3.4, pas-une-adresse, 192.168.1.1", trusted: proxies })).toBe("192.168.1.1");
  });

  it("[client-address]: an entry that is neither an address nor a CIDR block is refused in French", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow("n'est ni une adresse IP ni un bloc CIDR");
    expect(() => parseTrustedProxies("proxy.local")).toThrow("« proxy.local »");
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow("n'est ni une adresse IP");
    expect(parseTrustedProxies(" , 10.0.0.0/8 ,").entries).toEqual(["10.0.0.0/8"]);
  });
});
