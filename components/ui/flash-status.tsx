"use client";

import { useEffect, useRef, useState } from "react";
import { FLASH_COOKIE_NAME } from "@/lib/http/flash-cookie";

/**
 * Announces what the last action did ("La séance est créée."), once: a status
 * region that takes the focus, so that a screen reader reads it and the
 * keyboard starts from it; the message is then removed from the cookie. It
 * stays on this page until the next message or navigation, even when the page
 * is rendered again without it (a refresh after the cookie was removed).
 */
export function FlashStatus({ message }: { message: string | null }) {
  const region = useRef<HTMLParagraphElement>(null);
  const [shown, setShown] = useState(message);
  if (message && message !== shown) setShown(message);
  useEffect(() => {
    if (!shown) return;
    region.current?.focus();
    document.cookie = `${FLASH_COOKIE_NAME}=; Max-Age=0; path=/admin; SameSite=Strict`;
  }, [shown]);
  if (!shown) return null;
  return (
    <p ref={region} role="status" tabIndex={-1} className="rounded border-l-4 border-success bg-success-soft px-4 py-3 font-medium text-ink">
      {shown}
    </p>
  );
}
