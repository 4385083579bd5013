"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useTransition } from "react";
import { Card } from "./card";
import { cn } from "./cn";

const LINK_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border border-border px-2.5 text-sm hover:bg-surface-2";

/**
 * Navigation for a table whose filters and page live in the URL: `href` builds a link for a set
 * of filters, `navigate` goes there (without scrolling), `refresh` re-renders the server page;
 * `navigating` is true while either is in flight.
 */
export function useQueryNavigation<F>(query: (filters: F) => string) {
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startTransition] = useTransition();
  const href = (filters: F) => `${pathname}${query(filters)}`;
  return {
    navigating,
    href,
    navigate: (next: F) => startTransition(() => router.push(href(next), { scroll: false })),
    refresh: () => startTransition(() => router.refresh()),
  };
}

/** "1–25 of 80 · page 1 of 4" with Previous / Next links (shown only where there is a page). */
function Pager({
  page,
  pageSize,
  total,
  pageHref,
  testId,
}: {
  page: number;
  pageSize: number;
  total: number;
  pageHref: (page: number) => string;
  testId: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav
      className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm text-muted"
      aria-label="Pages"
    >
      <span data-testid={testId}>
        {first}–{last} of {total}
      </span>
      <div className="flex items-center gap-2">
        <span>
          page {page} of {pages}
        </span>
        {page > 1 && (
          <Link href={pageHref(page - 1)} scroll={false} className={LINK_BUTTON}>
            <ChevronLeft size={14} aria-hidden /> Previous
          </Link>
        )}
        {page < pages && (
          <Link href={pageHref(page + 1)} scroll={false} className={LINK_BUTTON}>
            Next <ChevronRight size={14} aria-hidden />
          </Link>
        )}
      </div>
    </nav>
  );
}

function SelectBox({
  label,
  ...state
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
}) {
  return <input type="checkbox" aria-label={label} {...state} className="accent-accent" />;
}

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Width class of the column (on its header cell), e.g. `w-24`; needs `fixedLayout`. */
  width?: string;
  align?: "right";
  /** Extra classes of the column's body cells, e.g. `tabular-nums text-muted`. */
  className?: string;
}

/** A checkbox column selecting rows of the current page (by id). */
export interface RowSelection<Row> {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  disabled?: boolean;
  /** Accessible name of the header checkbox, e.g. "Select all on this page". */
  allLabel: string;
  /** Accessible name of a row's checkbox. */
  rowLabel: (row: Row) => string;
}

type DataAttributes = Record<`data-${string}`, string | boolean | undefined>;

/**
 * One page of a server-paged, server-filtered list: a card with an optional toolbar, the table
 * (or an empty message) and the pager, whose links keep the filters. Test ids: `${testId}-row` on
 * every body row, `${testId}-range` on the pager's "first–last of total".
 */
export function PagedTable<Row extends { id: string }, F extends { page: number }>({
  label,
  testId,
  rows,
  columns,
  rowData,
  selection,
  fixedLayout = false,
  multiline = false,
  empty,
  toolbar,
  filters,
  navigation,
  pageSize,
  total,
}: {
  /** Accessible name of the table. */
  label: string;
  testId: string;
  rows: Row[];
  columns: Column<Row>[];
  /** Further `data-*` attributes of a body row. */
  rowData?: (row: Row) => DataAttributes;
  selection?: RowSelection<Row>;
  fixedLayout?: boolean;
  /** Rows whose cells may wrap: roomier and aligned to the top. */
  multiline?: boolean;
  /** What shows instead of the table when the page has no rows. */
  empty: ReactNode;
  /** Shown above the table, inside the card (e.g. bulk actions). */
  toolbar?: ReactNode;
  /** The current filters and page, as in the URL. */
  filters: F;
  /** From `useQueryNavigation`: links for other pages; dims the card while one loads. */
  navigation: { navigating: boolean; href: (filters: F) => string };
  pageSize: number;
  total: number;
}) {
  const cellY = multiline ? "py-2.5" : "py-2";
  const lastColumn = columns.length - 1;
  // The outer cells carry the card's inset; a selection column takes the left one.
  const pad = (index: number) =>
    index === lastColumn ? "pr-4" : index === 0 && !selection ? "pl-4 pr-3" : "pr-3";
  const allSelected =
    selection !== undefined &&
    rows.length > 0 &&
    rows.every((row) => selection.selected.has(row.id));

  function toggle(id: string) {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selection.onChange(next);
  }

  return (
    <Card
      className={cn("overflow-hidden transition-opacity", navigation.navigating && "opacity-60")}
    >
      {toolbar}
      {rows.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-muted">{empty}</p>
      ) : (
        <table
          className={cn("w-full", fixedLayout && "table-fixed", "text-left text-sm")}
          aria-label={label}
        >
          <thead className="text-xs text-muted">
            <tr className="border-b border-border">
              {selection && (
                <th className="w-10 py-2 pl-4">
                  <SelectBox
                    label={selection.allLabel}
                    checked={allSelected}
                    disabled={selection.disabled}
                    onChange={() =>
                      selection.onChange(allSelected ? new Set() : new Set(rows.map((r) => r.id)))
                    }
                  />
                </th>
              )}
              {columns.map((column, index) => (
                <th
                  key={index}
                  className={cn(
                    column.width,
                    "py-2",
                    pad(index),
                    column.align === "right" && "text-right",
                    "font-medium",
                  )}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                className={cn(
                  "border-b border-border",
                  multiline && "align-top",
                  "last:border-b-0 hover:bg-surface-2/50",
                )}
                data-testid={`${testId}-row`}
                {...rowData?.(row)}
              >
                {selection && (
                  <td className={cn(cellY, "pl-4")}>
                    <SelectBox
                      label={selection.rowLabel(row)}
                      checked={selection.selected.has(row.id)}
                      disabled={selection.disabled}
                      onChange={() => toggle(row.id)}
                    />
                  </td>
                )}
                {columns.map((column, index) => (
                  <td
                    key={index}
                    className={cn(
                      cellY,
                      pad(index),
                      column.align === "right" && "text-right",
                      column.className,
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="border-t border-border">
        <Pager
          page={filters.page}
          pageSize={pageSize}
          total={total}
          pageHref={(page) => navigation.href({ ...filters, page })}
          testId={`${testId}-range`}
        />
      </div>
    </Card>
  );
}
