"use client";
import { Check, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FormError, Textarea } from "@/components/ui/field";
import { DIFFICULTY_TONE, STATUS_TONE, type TaskDetail, type TaskStatus } from "./types";

/**
 * Review of one task: its wording (editable — the checker stays as generated, so the values it
 * needs must stay in the text), and the verdict with a note.
 */
export function TaskReview({ task }: { task: TaskDetail }) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [instruction, setInstruction] = useState(task.instruction);
  const [note, setNote] = useState(task.reviewNote ?? "");
  const [busy, setBusy] = useState<"save" | TaskStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mentions = task.data.provenance.mentions ?? [];
  const missing = mentions.filter((m) => !instruction.includes(m));
  const edited = instruction.trim() !== task.instruction;

  async function update(kind: "save" | TaskStatus, body: Record<string, unknown>, done: string) {
    setBusy(kind);
    setError(null);
    setSaved(null);
    try {
      await api(`/api/workspaces/${slug}/tasks/${task.id}`, { method: "PATCH", body });
      setSaved(done);
      startTransition(() => router.refresh());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card className="space-y-4 p-4" data-testid="task-review">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={DIFFICULTY_TONE[task.difficulty]}>{task.difficulty}</Badge>
        <Badge>{task.split}</Badge>
        <Badge tone={STATUS_TONE[task.status]}>
          <span data-testid="task-status">{task.status}</span>
        </Badge>
        <code className="ml-auto truncate text-xs text-muted">{task.key}</code>
      </div>

      <fieldset disabled={!canEdit} title={readOnlyReason} className="space-y-2">
        <label htmlFor="task-instruction" className="block text-sm font-medium">
          Instruction
        </label>
        <Textarea
          id="task-instruction"
          rows={4}
          value={instruction}
          onChange={(e) => setInstruction(e.target.value)}
          className="text-sm leading-relaxed"
        />
        {mentions.length > 0 && (
          <p className="flex flex-wrap items-center gap-1 text-xs text-muted">
            Must mention:
            {mentions.map((m) => (
              <code
                key={m}
                className={
                  missing.includes(m)
                    ? "rounded bg-danger/15 px-1 text-danger"
                    : "rounded bg-surface-2 px-1"
                }
              >
                {m}
              </code>
            ))}
          </p>
        )}
        {missing.length > 0 && (
          <p className="text-xs text-danger">
            The checker expects these values; without them the task cannot be solved.
          </p>
        )}
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={!canEdit || !edited || missing.length > 0 || busy !== null}
            title={missing.length > 0 ? "Keep every value the checker needs" : readOnlyReason}
            onClick={() => void update("save", { instruction }, "Wording saved")}
          >
            {busy === "save" ? "Saving…" : "Save wording"}
          </Button>
          {edited && (
            <Button variant="ghost" size="sm" onClick={() => setInstruction(task.instruction)}>
              Undo changes
            </Button>
          )}
        </div>
      </fieldset>

      <fieldset
        disabled={!canEdit}
        title={readOnlyReason}
        className="space-y-2 border-t border-border pt-4"
      >
        <label htmlFor="task-note" className="block text-sm font-medium">
          Review note
        </label>
        <Textarea
          id="task-note"
          rows={2}
          value={note}
          placeholder="Why approve or reject (optional)"
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            disabled={!canEdit || busy !== null}
            onClick={() =>
              void update(
                "approved",
                { status: "approved", reviewNote: note.trim() || null },
                "Approved",
              )
            }
          >
            <Check size={14} aria-hidden /> {busy === "approved" ? "Approving…" : "Approve"}
          </Button>
          <Button
            variant="danger"
            size="sm"
            disabled={!canEdit || busy !== null}
            onClick={() =>
              void update(
                "rejected",
                { status: "rejected", reviewNote: note.trim() || null },
                "Rejected",
              )
            }
          >
            <X size={14} aria-hidden /> {busy === "rejected" ? "Rejecting…" : "Reject"}
          </Button>
          {task.status !== "pending" && (
            <Button
              variant="ghost"
              size="sm"
              disabled={!canEdit || busy !== null}
              onClick={() => void update("pending", { status: "pending" }, "Back to pending")}
            >
              Back to pending
            </Button>
          )}
          {saved && (
            <span role="status" className="text-sm text-success">
              {saved}
            </span>
          )}
        </div>
      </fieldset>
      <FormError message={error} />
    </Card>
  );
}
