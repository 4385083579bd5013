"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input } from "@/components/ui/field";
import { authClient } from "./auth-client";

export function AuthForm({
  mode,
  providers,
}: {
  mode: "sign-in" | "sign-up";
  providers: string[];
}) {
  const router = useRouter();
  const next = useSearchParams().get("next") ?? "/";
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const result =
      mode === "sign-up"
        ? await authClient.signUp.email({
            email,
            password,
            name: String(form.get("name") ?? "") || email.split("@")[0]!,
          })
        : await authClient.signIn.email({ email, password });
    setPending(false);
    if (result.error) {
      setError(
        result.error.status === 429
          ? "Too many attempts from your network in the last minute; wait a minute and try again."
          : (result.error.message ?? "that did not work; check your email and password"),
      );
      return;
    }
    router.push(next.startsWith("/") ? next : "/");
    router.refresh();
  }

  const other = mode === "sign-in" ? "sign-up" : "sign-in";
  return (
    <Card className="w-full max-w-sm p-6">
      <h1 className="text-lg font-semibold">
        {mode === "sign-in" ? "Sign in to EnvFactory Studio" : "Create your account"}
      </h1>
      <form onSubmit={onSubmit} className="mt-5 space-y-4">
        {mode === "sign-up" && (
          <Field label="Name" htmlFor="name">
            <Input id="name" name="name" autoComplete="name" />
          </Field>
        )}
        <Field label="Email" htmlFor="email">
          <Input id="email" name="email" type="email" autoComplete="email" required />
        </Field>
        <Field
          label="Password"
          htmlFor="password"
          hint={mode === "sign-up" ? "At least 8 characters." : undefined}
        >
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            minLength={8}
            required
          />
        </Field>
        <FormError message={error} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="mt-4 space-y-2">
          {providers.map((provider) => (
            <Button
              key={provider}
              variant="secondary"
              className="w-full capitalize"
              onClick={() => void authClient.signIn.social({ provider, callbackURL: next })}
            >
              Continue with {provider}
            </Button>
          ))}
        </div>
      )}
      <p className="mt-5 text-sm text-muted">
        {mode === "sign-in" ? "New here? " : "Already have an account? "}
        <Link
          className="text-accent underline-offset-4 hover:underline"
          href={`/${other}?next=${encodeURIComponent(next)}`}
        >
          {mode === "sign-in" ? "Create an account" : "Sign in"}
        </Link>
      </p>
    </Card>
  );
}
