import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { developmentSerialNumber, generateDevelopmentIdentity } from "@/lib/signing/development-identity";

describe("development identity", () => {
  it("[signing]: every serial number is positive and minimally encoded (no leading zero byte), whatever the random bytes", () => {
    for (let index = 0; index < 2000; index += 1) {
      const value = new Uint8Array(developmentSerialNumber().valueBlock.valueHexView);
      expect(value.length).toBe(16);
      expect(value[0]).toBeGreaterThanOrEqual(0x40);
      expect(value[0]).toBeLessThan(0x80);
    }
  });

  it("[signing]: the certificates it makes are read by OpenSSL", async () => {
    const identity = await generateDevelopmentIdentity();
    expect(new X509Certificate(identity.leafPem).ca).toBe(false);
    expect(new X509Certificate(identity.rootPem).ca).toBe(true);
  });
});
