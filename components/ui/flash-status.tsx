"use client";

import { useEffect, useRef } from "react";
import { FLASH_COOKIE_NAME } from "@/lib/http/flash-cookie";

/**
 * Announces what the last action did ("La séance est créée."), once: a status
 * region that takes the focus, so that a screen reader reads it and the
 * keyboard starts from it; the message is then removed from the cookie.
 */
export function FlashStatus({ message }: { message: string | null }) {
  const region = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!message) return;
    region.current?.focus();
    document.cookie = `${FLASH_COOKIE_NAME}=; Max-Age=0; path=/admin; SameSite=Strict`;
  }, [message]);
  if (!message) return null;
  return (
    <p ref={region} role="status" tabIndex={-1} className="rounded border-l-4 border-success bg-success-soft px-4 py-3 font-medium text-ink">
      {message}
    </p>
  );
}
