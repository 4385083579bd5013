import { Play } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";

export const metadata = { title: "Runs" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  await pageAccess((await params).slug);
  return (
    <>
      <PageHeader title="Runs" />
      <EmptyState icon={<Play size={28} />} title="Nothing here yet">
        Training and evaluation runs appear here, with live reward curves and a step-by-step replay
        of every episode.
      </EmptyState>
    </>
  );
}
