import { ListChecks } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";

export const metadata = { title: "Tasks" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  await pageAccess((await params).slug);
  return (
    <>
      <PageHeader title="Tasks" />
      <EmptyState icon={<ListChecks size={28} />} title="Nothing here yet">
        Verifiable tasks generated in an environment appear here for review: approve, reject or edit
        them, and step through each reference solution.
      </EmptyState>
    </>
  );
}
