import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE_NAME as FLASH_COOKIE } from "@/lib/http/flash-cookie";

// A message that outlives the form it answers: creating a sitting moves to its
// page, recording a vote or publishing replaces the form by what was recorded,
// so the form's own status region is gone. The action leaves the message in a
// short-lived cookie; the page it leads to shows it (components/ui/flash-status.tsx),
// which then removes it.


/** In a server action: the message the next rendered back-office page announces. */
export async function setFlashMessage(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeURIComponent(message), { path: "/admin", maxAge: 60, sameSite: "strict", httpOnly: false });
}

/** In a page: the message left by the last action, if any. */
export async function readFlashMessage(): Promise<string | null> {
  const value = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
