import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { checkpointDocument, recordAuditCheckpoint, verifyCheckpoint, type CheckpointDocument } from "@/lib/audit/audit-checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { loadOrCreateDevelopmentIdentity } from "@/lib/signing/development-identity";
import type { DocumentSigner } from "@/lib/signing/document-signer";
import { loadDocumentSigner } from "@/lib/signing/get-document-signer";
import { connect, createDatabase, runtimeDatabaseUrl } from "./support/database";
import { insertMunicipality } from "./support/factories";

// The audit chain's head, signed and published, anchors the chain outside
// its table: rows removed from its end (which the chain alone cannot show)
// are found against a checkpoint taken before.

const run = promisify(execFile);
const PORTAL = "https://registre.example.fr";

type Chain = { owner: pg.Client; db: Db; runtimeUrl: string; municipalityId: string };

describe("audit checkpoints", () => {
  const chains: Chain[] = [];
  let signer: DocumentSigner;
  let directory: string;

  beforeAll(async () => {
    signer = await loadDocumentSigner();
    directory = await mkdtemp(path.join(tmpdir(), "registre-checkpoint-"));
  });
  afterAll(async () => {
    for (const chain of chains) {
      await chain.db.$disconnect();
      await chain.owner.end();
    }
    await rm(directory, { recursive: true, force: true });
  });

  /** A database of the test's own, whose chain the portal (the runtime role) wrote: `events` events. */
  async function chainOf(name: string, events: number): Promise<Chain> {
    const owner = await connect(await createDatabase(name));
    const runtimeUrl = runtimeDatabaseUrl(name);
    const db = createPrismaClient(runtimeUrl);
    const { municipalityId } = await insertMunicipality(owner, { members: 2 });
    const chain = { owner, db, runtimeUrl, municipalityId };
    chains.push(chain);
    await append(chain, events);
    return chain;
  }

  async function append(chain: Chain, count: number) {
    for (let index = 0; index < count; index += 1) {
      await chain.db.$transaction((tx) => appendAuditEvent(tx, { municipalityId: chain.municipalityId, action: "sitting.update", entity: "sitting", entityId: `seance-${index}` }));
    }
  }

  async function signedCheckpoint(chain: Chain): Promise<CheckpointDocument> {
    const recorded = await recordAuditCheckpoint({ db: chain.db, signer, portal: PORTAL });
    expect(recorded?.created).toBe(true);
    const row = await chain.db.auditCheckpoint.findUniqueOrThrow({ where: { id: recorded?.id } });
    return checkpointDocument(row);
  }

  /** What an owner who wanted the newest rows gone could do: lift the append-only guard for one transaction. */
  async function removeNewest(chain: Chain, count: number) {
    await chain.owner.query("BEGIN");
    await chain.owner.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
    await chain.owner.query("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event ORDER BY id DESC LIMIT $1)", [count]);
    await chain.owner.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
    await chain.owner.query("COMMIT");
  }

  it("[checkpoint]: the chain's head is signed once; the signature verifies with openssl and with pkijs, and not once the text is changed", async () => {
    const chain = await chainOf("registre_checkpoint_signature", 3);
    const document = await signedCheckpoint(chain);
    expect(await recordAuditCheckpoint({ db: chain.db, signer, portal: PORTAL })).toMatchObject({ created: false, eventId: 3n });

    const payloadFile = path.join(directory, "payload.json");
    const signatureFile = path.join(directory, "signature.der");
    const rootFile = path.join(directory, "root.pem");
    await writeFile(payloadFile, document.payload);
    await writeFile(signatureFile, Buffer.from(document.signature, "base64"));
    await writeFile(rootFile, (await loadOrCreateDevelopmentIdentity(readEnv().REGISTRE_DATA_DIR)).rootPem);
    const openssl = await run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", signatureFile, "-content", payloadFile, "-CAfile", rootFile, "-purpose", "any", "-out", "/dev/null"]);
    expect(openssl.stderr).toContain("Verification successful");

    const head = await chain.owner.query<{ hash: string }>("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1");
    const verified = await verifyCheckpoint(document);
    expect(verified).toMatchObject({ eventId: 3n, eventHash: head.rows[0]?.hash, portal: PORTAL });
    expect(verified.signer.commonName).toContain("développement");

    const forged = { ...document, payload: document.payload.replace('"eventId":"3"', '"eventId":"2"') };
    expect(forged.payload).not.toBe(document.payload);
    await expect(verifyCheckpoint(forged)).rejects.toThrow(`Point de contrôle n° ${document.id} invalide : sa signature ne correspond pas à son contenu.`);
  });

  it("[checkpoint]: removing the newest events goes unseen by the chain alone, and is reported against a checkpoint taken before", async () => {
    const chain = await chainOf("registre_checkpoint_tail", 5);
    const checkpoint = await verifyCheckpoint(await signedCheckpoint(chain));
    expect(await verifyAuditChain(chain.db, { checkpoint })).toEqual({ ok: true, checked: 5 });
    await removeNewest(chain, 2);

    expect(await verifyAuditChain(chain.db)).toEqual({ ok: true, checked: 3 });
    expect(await verifyAuditChain(chain.db, { checkpoint })).toEqual({
      ok: false,
      checked: 3,
      truncated: {
        checkpoint,
        lastEventId: 3n,
        reason: `le point de contrôle signé le ${checkpoint.signedAt.toISOString()} atteste l'événement n° 5, mais le journal s'arrête à l'événement n° 3 (sa fin a été supprimée)`,
      },
    });
  });

  it("[checkpoint]: events removed and the chain continued after them are reported as missing", async () => {
    const chain = await chainOf("registre_checkpoint_gap", 4);
    const checkpoint = await verifyCheckpoint(await signedCheckpoint(chain));
    await removeNewest(chain, 2);
    await append(chain, 2);
    const report = await verifyAuditChain(chain.db, { checkpoint });
    expect(report).toMatchObject({ ok: false, checked: 2, truncated: { lastEventId: 2n } });
    expect("truncated" in report && report.truncated.reason).toBe(
      `le point de contrôle signé le ${checkpoint.signedAt.toISOString()} atteste l'événement n° 4, absent du journal, qui passe de l'événement n° 2 au n° 5 (des événements ont été supprimés)`,
    );
  });

  it("[checkpoint]: npm run audit:verify checks the chain against a checkpoint file or URL and says, in French, that the tail is missing", async () => {
    const chain = await chainOf("registre_checkpoint_cli", 3);
    const document = await signedCheckpoint(chain);
    const file = path.join(directory, "point-de-controle.json");
    await writeFile(file, JSON.stringify(document));
    // Two runs of the command line (tsx compiles it each time): a bound of their own.
    const verify = (source: string) =>
      run("npx", ["tsx", "lib/audit/cli/verify-audit-chain.ts", "--checkpoint", source], { env: { ...process.env, DATABASE_URL: chain.runtimeUrl } }).then(
        (result) => ({ code: 0, ...result }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );

    const intact = await verify(file);
    expect(intact, intact.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(intact.stdout).toContain("Point de contrôle : événement n° 3, signé le");
    expect(intact.stdout).toContain("Journal d'audit intègre : 3 événements vérifiés, jusqu'au point de contrôle et au-delà.");

    await removeNewest(chain, 1);
    const feed = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [{ _registre_checkpoint: document }] });
    const server: Server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/feed+json" }).end(feed));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const truncated = await verify(`http://127.0.0.1:${(server.address() as AddressInfo).port}/flux/journal.json`);
      expect(truncated, truncated.stderr).toMatchObject({ code: 1 });
      expect(truncated.stdout).toContain("Point de contrôle : événement n° 3, signé le");
      expect(truncated.stderr).toContain("Journal d'audit TRONQUÉ : le point de contrôle signé le");
      expect(truncated.stderr).toContain("atteste l'événement n° 3, mais le journal s'arrête à l'événement n° 2 (sa fin a été supprimée).");
    } finally {
      server.close();
    }
  }, 240_000);
});
