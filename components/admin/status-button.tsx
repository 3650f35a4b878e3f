"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/validations/action-result";

/** One workflow step without fields (withdraw, reinstate, cancel the vote), confirmed before it runs. */
export function StatusButton({ label, confirmation, run }: { label: string; confirmation: string; run: () => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirmation)) return;
          startTransition(async () => {
            const result = await run();
            if (result.ok) router.refresh();
            else setMessage(result.message);
          });
        }}
        className="self-start rounded border border-brand px-4 py-2 text-brand hover:bg-brand-soft"
      >
        {label}
      </button>
      <FormStatus message={message} tone="error" />
    </div>
  );
}
