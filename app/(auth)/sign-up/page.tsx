import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { enabledSocialProviders } from "@/lib/server/auth/auth";

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <Suspense>
      <AuthForm mode="sign-up" providers={enabledSocialProviders()} />
    </Suspense>
  );
}
