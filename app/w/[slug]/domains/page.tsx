import { DomainList } from "@/components/domains/domain-list";
import { GalleryPicker } from "@/components/domains/gallery-picker";
import { PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";
import { galleryEntries, listDomains } from "@/lib/server/services/domains";

export const metadata = { title: "Domains" };

export default async function DomainsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const domains = await listDomains(access.actor, slug);
  return (
    <>
      <PageHeader
        title="Domains"
        description="Describe the software your agents should learn to use."
      />
      <DomainList
        domains={domains.map((d) => ({
          id: d.id,
          name: d.name,
          description: d.description,
          revision: d.revision,
          updatedAt: d.updatedAt.toISOString(),
        }))}
      />
      <GalleryPicker entries={galleryEntries()} />
    </>
  );
}
