"use client";
import { createContext, type ReactNode, useContext } from "react";

export interface WorkspaceInfo {
  slug: string;
  name: string;
  role: "owner" | "editor" | "viewer";
}

const WorkspaceContext = createContext<WorkspaceInfo | null>(null);

export function WorkspaceProvider({
  value,
  children,
}: {
  value: WorkspaceInfo;
  children: ReactNode;
}) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceInfo & {
  canEdit: boolean;
  isOwner: boolean;
  readOnlyReason: string | undefined;
} {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace() outside a workspace page");
  const canEdit = value.role !== "viewer";
  return {
    ...value,
    canEdit,
    isOwner: value.role === "owner",
    readOnlyReason: canEdit
      ? undefined
      : "Viewers can look but not change anything in this workspace",
  };
}
