import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// Annexes are PDF by content: a text file renamed .pdf is refused next to the
// field, the title typed stays; a real PDF is listed, then removed.

test("[annexes]: a renamed text file is refused, a real PDF is attached to the draft and can be removed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const draft = await queryOne<{ id: string }>(
    `SELECT d.id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  await page.goto(`/admin/deliberations/${draft!.id}`);
  const title = "Plan de financement (e2e)";
  await page.getByRole("textbox", { name: "Titre de l'annexe", exact: true }).fill(title);
  await page.getByLabel("Fichier PDF (10 Mo au plus)").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("Pas un PDF, seulement son nom.") });
  await page.getByRole("button", { name: "Ajouter l'annexe" }).click();
  await expect(page.locator("#annexFile-error")).toContainText("n'est pas un PDF lisible");
  await expect(page.getByRole("textbox", { name: "Titre de l'annexe", exact: true })).toHaveValue(title);

  const document = await PDFDocument.create();
  document.addPage();
  await page.getByLabel("Fichier PDF (10 Mo au plus)").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from(await document.save()) });
  await page.getByRole("button", { name: "Ajouter l'annexe" }).click();
  await expect(page.getByText(`${title} · plan.pdf`)).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Retirer l'annexe « ${title} »` }).click();
  await expect(page.getByText(`${title} · plan.pdf`)).toHaveCount(0);
});

/**
 * A published act (withdrawn from the agenda: no vote to record) of a sitting of
 * its own, with one public and one kept annex; and a draft's public annex.
 */
async function publishedActWithAnnexes() {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.setTitle("Convention d'objectifs");
  const bytes = Buffer.from(await pdf.save());
  const sequence = 900 + Math.floor(Math.random() * 99);
  const row = await queryOne<{ number: string; public_id: string; kept_id: string; draft_annex_id: string }>(
    `WITH template AS (
       SELECT s.* FROM sitting s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = $1 AND s.is_demo AND s.archive_import_id IS NULL ORDER BY s.starts_at LIMIT 1
     ), sitting_copy AS (
       INSERT INTO sitting (municipality_id, starts_at, kind, is_public, place, convocation_date, convened_by_id, president_id, secretary_id, is_demo)
       SELECT municipality_id, timestamptz '2017-06-15 18:00+02' + ($2::int * interval '1 minute'), kind, is_public, place, date '2017-06-09',
              convened_by_id, president_id, secretary_id, true FROM template
       RETURNING id, municipality_id
     ), act AS (
       INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals, status, outcome, is_demo)
       SELECT municipality_id, id, 'DL.2017-' || $2::int, 2017, $2::int, 1, 'Convention avec une association (annexes, e2e)', '7.10', 'Rapport.', 'APPROUVER.', 'WITHDRAWN', 'WITHDRAWN', true
       FROM sitting_copy RETURNING id, municipality_id, number
     ), annexes AS (
       INSERT INTO annex (municipality_id, deliberation_id, title, file_name, media_type, size, sha256, content, is_public)
       SELECT municipality_id, id, title, file_name, 'application/pdf', octet_length($3::bytea), encode(sha256($3::bytea), 'hex'), $3::bytea, is_public
       FROM act, (VALUES ('Convention signée', 'convention-signée.pdf', true), ('Plan des locaux', 'plan.pdf', false)) AS a(title, file_name, is_public)
       RETURNING id, is_public
     ), draft_annex AS (
       INSERT INTO annex (municipality_id, deliberation_id, title, file_name, media_type, size, sha256, content, is_public)
       SELECT d.municipality_id, d.id, 'Annexe d''un projet (e2e)', 'projet.pdf', 'application/pdf', octet_length($3::bytea), encode(sha256($3::bytea), 'hex'), $3::bytea, true
       FROM deliberation d JOIN municipality m ON m.id = d.municipality_id WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1
       RETURNING id
     )
     SELECT (SELECT number FROM act) AS number, (SELECT id FROM annexes WHERE is_public) AS public_id,
            (SELECT id FROM annexes WHERE NOT is_public) AS kept_id, (SELECT id FROM draft_annex) AS draft_annex_id`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence", sequence, bytes],
  );
  await queryOne(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE number = $1 AND year = 2017`, [row!.number]);
  const draft = await queryOne<{ number: string }>(`SELECT d.number FROM annex a JOIN deliberation d ON d.id = a.deliberation_id WHERE a.id = $1`, [row!.draft_annex_id]);
  return { number: row!.number, publicId: row!.public_id, keptId: row!.kept_id, draftNumber: draft!.number, draftAnnexId: row!.draft_annex_id, bytes };
}

test("[annexes]: a citizen downloads a public annex from the act's page, as a sandboxed attachment; a kept annex and a draft's are not served", async ({ page }) => {
  // Five requests and a download on a machine shared with the rest of the suite.
  test.setTimeout(90_000);
  const act = await publishedActWithAnnexes();
  await page.goto(`/deliberations/${act.number}`);
  const annexes = page.getByRole("region", { name: "Annexes" });
  await expect(annexes.getByRole("link", { name: "Convention signée" })).toBeVisible();
  await expect(annexes.getByText("Plan des locaux")).toBeVisible();
  await expect(annexes.getByRole("link", { name: "Plan des locaux" })).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent("download"), annexes.getByRole("link", { name: "Convention signée" }).click()]);
  expect(download.suggestedFilename()).toBe("convention-signée.pdf");
  const saved = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(Buffer.compare(await readFile(saved), act.bytes)).toBe(0);

  const response = await page.request.get(`/deliberations/${act.number}/annexes/${act.publicId}`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toBe(`attachment; filename="convention-signee.pdf"; filename*=UTF-8''convention-sign%C3%A9e.pdf`);
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  for (const path of [
    `/deliberations/${act.number}/annexes/${act.keptId}`,
    `/deliberations/${encodeURIComponent(act.draftNumber)}/annexes/${act.draftAnnexId}`,
    `/deliberations/DL.2022-91/annexes/${act.publicId}`,
  ]) {
    const refused = await page.request.get(path);
    expect(refused.status(), path).toBe(404);
    expect((await refused.body()).subarray(0, 5).toString("latin1"), path).not.toBe("%PDF-");
  }
});

test("[annexes]: a file over 10 MiB sent past the form is told it is too large, not that the title is missing", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const draft = await queryOne<{ id: string }>(
    `SELECT d.id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  const large = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(10 * 1024 * 1024 + 100 * 1024, 0x20)]);
  const response = await page.request.post(`/admin/deliberations/${draft!.id}/annexes`, {
    multipart: { title: "Annexe trop lourde", isPublic: "true", file: { name: "lourd.pdf", mimeType: "application/pdf", buffer: large } },
  });
  const result = (await response.json()) as { ok: boolean; message: string; errors?: Record<string, string[]> };
  expect(result.ok).toBe(false);
  expect(result.message).toBe("Le fichier dépasse 10 Mo.");
  expect(result.errors?.file?.[0]).toMatch(/^Le fichier dépasse 10 Mo : réduisez-le/);
  expect(result.errors?.title).toBeUndefined();
});
