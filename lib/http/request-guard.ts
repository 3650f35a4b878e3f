// What the front refuses before a request reaches Next: methods no page or
// route of the portal answers (TRACE echoes the request, headers and cookies
// included), and paths that cannot name anything (a segment that is not valid
// UTF-8 once percent-decoded, a NUL byte, an absurd length). Next would answer
// some of these with a 500 and write others to its route cache.

/** The methods the portal's pages and route handlers answer. */
const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
/** Longer than any address the portal gives out, search queries included. */
export const MAX_URL_LENGTH = 16_000;

export type RequestRefusal = { status: 400 | 405 | 414; message: string; headers?: Record<string, string> };

export function guardRequest(method: string | undefined, url: string | undefined): RequestRefusal | null {
  if (!method || !ALLOWED_METHODS.has(method.toUpperCase())) {
    return { status: 405, message: "Cette méthode HTTP n'est pas acceptée par le portail.", headers: { Allow: [...ALLOWED_METHODS].join(", ") } };
  }
  if (!url) return { status: 400, message: "Cette adresse n'est pas valide." };
  if (url.length > MAX_URL_LENGTH) return { status: 414, message: "Cette adresse est trop longue." };
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, message: "Cette adresse contient des caractères mal encodés." };
    }
    if (/[\u0000-\u001f\u007f]/.test(decoded)) return { status: 400, message: "Cette adresse contient des caractères de contrôle." };
  }
  return null;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const TITLES: Record<RequestRefusal["status"], string> = {
  400: "Adresse non valide",
  405: "Méthode non acceptée",
  414: "Adresse trop longue",
};

/** The French page sent with a refusal: self-contained (no script, no external resource), readable and accessible. */
export function refusalPage(refusal: RequestRefusal): string {
  const title = TITLES[refusal.status];
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Registre</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#161616;line-height:1.5}a{color:#000091}</style></head>
<body><main><h1>${title}</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Retour à l'accueil du portail</a> · <a href="/recherche">Rechercher une délibération</a></p></main></body>
</html>
`;
}
