"use client";
import { Activity, Blocks, Box, ListChecks, Play, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";
import { AccountMenu } from "./account-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";
import type { WorkspaceInfo } from "./workspace-context";

const NAV = [
  { href: "domains", label: "Domains", icon: Blocks },
  { href: "environments", label: "Environments", icon: Box },
  { href: "tasks", label: "Tasks", icon: ListChecks },
  { href: "runs", label: "Runs", icon: Play },
  { href: "jobs", label: "Jobs", icon: Activity },
  { href: "settings", label: "Settings", icon: Settings },
] as const;

export function Sidebar({
  current,
  workspaces,
  user,
}: {
  current: WorkspaceInfo;
  workspaces: WorkspaceInfo[];
  user: { name: string; email: string };
}) {
  const pathname = usePathname();
  return (
    <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-border bg-surface">
      <div className="px-4 pt-4 pb-3">
        <Logo />
      </div>
      <div className="px-3 pb-3">
        <WorkspaceSwitcher current={current} workspaces={workspaces} />
      </div>
      <nav aria-label="Workspace" className="flex-1 space-y-0.5 px-3">
        {NAV.map(({ href, label, icon: Icon }) => {
          const target = `/w/${current.slug}/${href}`;
          const active = pathname === target || pathname.startsWith(`${target}/`);
          return (
            <Link
              key={href}
              href={target}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm",
                active
                  ? "bg-surface-2 font-medium text-text"
                  : "text-muted hover:bg-surface-2 hover:text-text",
              )}
            >
              <Icon size={16} aria-hidden />
              {label}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-border p-3">
        <AccountMenu user={user} />
      </div>
    </aside>
  );
}
