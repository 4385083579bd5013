import { Box } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";

export const metadata = { title: "Environments" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  await pageAccess((await params).slug);
  return (
    <>
      <PageHeader title="Environments" />
      <EmptyState icon={<Box size={28} />} title="Nothing here yet">
        Executable environments synthesized from your domains appear here: their code in an editor,
        a playground to call their tools, and every saved version.
      </EmptyState>
    </>
  );
}
