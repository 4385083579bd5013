"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

const NAV =
  "inline-flex h-8 items-center gap-1 rounded-md border border-border px-2.5 text-sm hover:bg-surface-2";

export interface ReviewNeighbours {
  prev?: string;
  next?: string;
  /** "task 3 of 40" within the filtered table. */
  position?: string;
}

/**
 * Previous / next task in the table the reviewer came from. Kept as first shown: approving a
 * task can take it out of a "pending" filter, and the way on should not vanish with it.
 */
export function ReviewNav({ initial }: { initial: ReviewNeighbours }) {
  const [{ prev, next, position }] = useState(initial);
  return (
    <div className="flex items-center gap-2">
      {position && <span className="mr-1 text-sm text-muted">{position}</span>}
      {prev && (
        <Link href={prev} className={NAV}>
          <ChevronLeft size={14} aria-hidden /> Previous task
        </Link>
      )}
      {next && (
        <Link href={next} className={NAV}>
          Next task <ChevronRight size={14} aria-hidden />
        </Link>
      )}
    </div>
  );
}
