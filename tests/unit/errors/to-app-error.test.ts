import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain";
import { AppError, httpStatusOf } from "@/lib/errors";
import { readDatabaseFailure, REGISTRE_SQLSTATES, toAppError } from "@/lib/to-app-error";

// The shapes below are those Prisma 7's pg adapter and node-postgres produce
// (checked against a real database in tests/integration/database-errors.test.ts).

const prismaError = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `tx.x()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: cause ? { modelName: "Vote", driverAdapterError: { name: "DriverAdapterError", cause } } : { modelName: "Councillor" },
  });
const commitError = (sqlState: string) =>
  Object.assign(new Error("trigger message"), { name: "DriverAdapterError", cause: { originalCode: sqlState, kind: "postgres", code: sqlState, message: "x" } });
const pgError = (code: string, constraint?: string) => Object.assign(new Error("pg message"), { code, severity: "ERROR", constraint });

describe("toAppError", () => {
  it("[errors]: an AppError passes as it is", () => {
    const error = new AppError("FORBIDDEN", "Votre rôle ne permet pas cette opération.");
    expect(toAppError(error)).toBe(error);
  });

  it("[errors]: a DomainError keeps its own French message, as a validation refusal", () => {
    const appError = toAppError(new DomainError("INVALID_COUNT", "Le nombre de présents (60) dépasse le nombre de membres en exercice (55)."));
    expect(appError).toMatchObject({ code: "VALIDATION", message: "Le nombre de présents (60) dépasse le nombre de membres en exercice (55)." });
  });

  it("[errors]: Prisma's P2002 on a named unique index says what is taken", () => {
    const error = prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation", constraint: { index: "deliberation_current_number_key" } });
    expect(toAppError(error)).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Ce numéro de délibération vient d'être attribué/) });
  });

  it("[errors]: P2002 on another unique key, P2003 and P2025 get their generic French refusals", () => {
    expect(toAppError(prismaError("P2002", { originalCode: "23505", constraint: { index: "vote_record_vote_id_councillor_id_key" } }))).toMatchObject({
      code: "CONFLICT",
      message: "Un enregistrement identique vient d'être créé par ailleurs : rechargez la page et vérifiez.",
    });
    expect(toAppError(prismaError("P2003"))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Un élément auquel cet enregistrement renvoie/) });
    expect(toAppError(prismaError("P2025"))).toMatchObject({ code: "NOT_FOUND", message: "L'élément demandé n'existe plus (supprimé entre-temps ?) : rechargez la page." });
    expect(toAppError(prismaError("P2034"))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Un autre enregistrement simultané/) });
  });

  it("[errors]: a check constraint (P2039 with SQLSTATE 23514) is a validation refusal", () => {
    expect(toAppError(prismaError("P2039", { originalCode: "23514", kind: "postgres", code: "23514" }))?.code).toBe("VALIDATION");
  });

  it("[errors]: a deferred trigger's SQLSTATE, raised at commit, maps to its own message", () => {
    expect(toAppError(commitError(REGISTRE_SQLSTATES.proxyLimit))).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/^Un mandataire porterait plus de pouvoirs/) });
    expect(toAppError(commitError(REGISTRE_SQLSTATES.voteCountsDifferFromRollCall))?.message).toMatch(/^Les présents et représentés du vote ne sont pas ceux de la liste de présence/);
    expect(toAppError(commitError(REGISTRE_SQLSTATES.voteCountsAboveMembersInOffice))?.message).toMatch(/^Le vote compte plus de présents et représentés que la séance n'a de membres en exercice/);
    expect(toAppError(commitError(REGISTRE_SQLSTATES.membersInOfficeFrozen))?.code).toBe("INVALID_STATE");
    expect(toAppError(commitError(REGISTRE_SQLSTATES.derogationWindowInUse))?.code).toBe("INVALID_STATE");
    expect(toAppError(commitError("23P01"))?.message).toMatch(/^Cette période dérogatoire chevauche/);
    expect(toAppError(commitError("40P01"))?.code).toBe("CONFLICT");
  });

  it("[errors]: the public address, cancellation and secretaries' triggers (RG020–RG022) are told in French", () => {
    expect(toAppError(commitError(REGISTRE_SQLSTATES.publicSlugImmutable))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/^L'adresse publique de cette séance/) });
    expect(toAppError(commitError(REGISTRE_SQLSTATES.cancelHeldSitting))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/ne peut plus être annulée/) });
    expect(toAppError(commitError(REGISTRE_SQLSTATES.secretaryListedTwice))).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/déjà le secrétaire de la séance/) });
  });

  it("[errors]: the published-immutable trigger (23000) asks for a rectification", () => {
    expect(toAppError(prismaError("P2010", { originalCode: "23000", kind: "postgres" }))).toMatchObject({
      code: "INVALID_STATE",
      message: "Cette délibération vient d'être publiée : elle ne peut plus être modifiée. Émettez une rectification.",
    });
  });

  it("[errors]: a node-postgres error is read by its SQLSTATE and constraint name", () => {
    expect(readDatabaseFailure(pgError("23505", "app_user_email_key"))).toEqual({ sqlState: "23505", constraint: "app_user_email_key" });
    expect(toAppError(pgError("23505", "app_user_email_key"))?.message).toBe("Un compte porte déjà cette adresse électronique.");
    expect(toAppError(pgError(REGISTRE_SQLSTATES.proxyLimit, "attendance_proxy_limit"))?.code).toBe("VALIDATION");
  });

  it("[errors]: a fault stays a fault (null), whatever its message says", () => {
    expect(toAppError(new Error("duplicate key value violates unique constraint"))).toBeNull();
    expect(toAppError(prismaError("P1001"))).toBeNull();
    expect(toAppError(commitError("57P01"))).toBeNull();
    expect(toAppError(pgError("ECONNREFUSED"))).toBeNull();
    expect(toAppError("a string")).toBeNull();
    expect(toAppError(null)).toBeNull();
  });
});

describe("httpStatusOf", () => {
  it("[errors]: each refusal has its HTTP status, a fault is a 500", () => {
    expect(httpStatusOf("NOT_FOUND")).toBe(404);
    expect(httpStatusOf("FORBIDDEN")).toBe(403);
    expect(httpStatusOf("UNAUTHENTICATED")).toBe(401);
    expect(httpStatusOf("TOO_LARGE")).toBe(413);
    expect(httpStatusOf("VALIDATION")).toBe(422);
    expect(httpStatusOf("INVALID_STATE")).toBe(409);
    expect(httpStatusOf(undefined)).toBe(500);
    expect(new AppError("TOO_LARGE", "Le fichier dépasse 10 Mo.").httpStatus).toBe(413);
  });
});
