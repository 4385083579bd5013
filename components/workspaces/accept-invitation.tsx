"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { api } from "@/components/ui/api";

export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function accept() {
    setPending(true);
    try {
      const workspace = await api<{ slug: string }>(`/api/invitations/${token}/accept`, {
        method: "POST",
      });
      router.push(`/w/${workspace.slug}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button onClick={() => void accept()} disabled={pending}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
