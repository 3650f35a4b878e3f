"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import { SIGN_IN_FAILED_MESSAGE, signInSchema } from "@/lib/validations/auth";
import { fieldErrorsOf } from "@/lib/validations/parse";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = signInSchema.safeParse({ email, password });
        if (!parsed.success) {
          setErrors(fieldErrorsOf(parsed.error));
          setMessage("Le formulaire contient des erreurs : corrigez les champs signalés.");
          return;
        }
        setErrors({});
        startTransition(async () => {
          const result = await signIn("credentials", { ...parsed.data, redirect: false });
          if (!result?.ok || result.error) {
            setMessage(SIGN_IN_FAILED_MESSAGE);
            return;
          }
          router.replace(returnTo);
          router.refresh();
        });
      }}
    >
      <FormStatus message={message} tone="error" />
      <TextField id="email" label="Adresse électronique" type="email" autoComplete="username" required value={email} onChange={setEmail} errors={errors.email} />
      <TextField id="password" label="Mot de passe" type="password" autoComplete="current-password" required value={password} onChange={setPassword} errors={errors.password} />
      <SubmitButton pending={pending}>Se connecter</SubmitButton>
    </form>
  );
}
