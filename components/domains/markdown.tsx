import { Fragment, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { type Block, type Inline, parseInline, parseMarkdown } from "./markdown-parse";

const HEADING_CLASS = {
  1: "text-lg font-semibold",
  2: "text-base font-semibold",
  3: "text-sm font-semibold",
  4: "text-sm font-medium",
  5: "text-sm font-medium text-muted",
  6: "text-xs font-medium uppercase tracking-wide text-muted",
} as const;

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "code":
        return (
          <code key={i} className="rounded bg-surface-2 px-1 py-0.5 font-mono text-[0.85em]">
            {node.text}
          </code>
        );
      case "strong":
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={i}>{renderInline(node.children)}</em>;
      case "link":
        return (
          <a
            key={i}
            href={node.href}
            className="text-accent underline underline-offset-2"
            rel="noreferrer noopener"
            target={node.href.startsWith("http") ? "_blank" : undefined}
          >
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case "heading": {
      const Tag = `h${block.level}` as const;
      return (
        <Tag key={key} className={cn(HEADING_CLASS[block.level], "mt-5 first:mt-0")}>
          {renderInline(parseInline(block.text))}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={key}>{renderInline(parseInline(block.text))}</p>;
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i}>{renderInline(parseInline(item))}</li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start} className="list-decimal space-y-1 pl-5">
          {items}
        </ol>
      ) : (
        <ul key={key} className="list-disc space-y-1 pl-5">
          {items}
        </ul>
      );
    }
    case "code":
      return (
        <pre
          key={key}
          className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs leading-relaxed"
        >
          <code>{block.text}</code>
        </pre>
      );
    case "quote":
      return (
        <blockquote key={key} className="space-y-2 border-l-2 border-border pl-3 text-muted">
          {block.blocks.map(renderBlock)}
        </blockquote>
      );
    case "rule":
      return <hr key={key} className="border-border" />;
  }
}

/** Renders a description written in Markdown (the subset of `markdown-parse.ts`). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cn("space-y-3 text-sm leading-relaxed", className)} data-testid="markdown">
      {parseMarkdown(source).map(renderBlock)}
    </div>
  );
}
