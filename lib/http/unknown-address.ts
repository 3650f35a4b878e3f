import { notFound } from "next/navigation";
import { connection } from "next/server";

/**
 * Ends a cached page's render for an address that names nothing public: the
 * visitor gets the French 404 page, and, because waiting for the connection
 * makes this one answer dynamic, Next writes nothing to its route cache (a
 * crawler of made-up addresses cannot fill the disk).
 */
export async function unknownAddress(): Promise<never> {
  await connection();
  notFound();
}
