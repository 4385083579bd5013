"use client";
import Editor, { DiffEditor, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { setupMonaco } from "./monaco-setup";

setupMonaco();

export interface EditorMarker {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: "error" | "warning" | "info";
}

const isDark = () => document.documentElement.classList.contains("dark");
function subscribeToTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
function useEditorTheme() {
  return useSyncExternalStore(subscribeToTheme, isDark, () => false) ? "vs-dark" : "vs";
}

type Monaco = Parameters<OnMount>[1];
type CodeEditorInstance = Parameters<OnMount>[0];
type MonacoMarker = import("monaco-editor").editor.IMarker;

/**
 * The code editor. `value` is the initial text; `path` names the model (e.g. `file:///environment.ts`) so the TypeScript
 * service checks it against the SDK; `onMarkers` reports what the editor currently flags.
 */
export function CodeEditor({
  value,
  onChange,
  language,
  path,
  readOnly,
  height = "100%",
  onMarkers,
  extraMarkers,
}: {
  value: string;
  onChange?: (value: string) => void;
  language: "typescript" | "json";
  path: string;
  readOnly?: boolean;
  height?: string;
  onMarkers?: (markers: EditorMarker[]) => void;
  /** Markers from the server (e.g. a failed save), shown beside the editor's own. */
  extraMarkers?: EditorMarker[];
}) {
  const theme = useEditorTheme();
  const [api, setApi] = useState<{ editor: CodeEditorInstance; monaco: Monaco } | null>(null);
  const onMarkersRef = useRef(onMarkers);
  useEffect(() => {
    onMarkersRef.current = onMarkers;
  });

  useEffect(() => {
    if (!api) return;
    const model = api.editor.getModel();
    if (!model) return;
    api.monaco.editor.setModelMarkers(
      model,
      "server",
      (extraMarkers ?? []).map((m: EditorMarker) => ({
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.endLine,
        endColumn: Math.max(m.endColumn, m.column + 1),
        message: m.message,
        severity:
          m.severity === "error"
            ? api.monaco.MarkerSeverity.Error
            : api.monaco.MarkerSeverity.Warning,
      })),
    );
  }, [api, extraMarkers]);

  const onMount: OnMount = (editor, monaco) => {
    setApi({ editor, monaco });
    const report = () => {
      const model = editor.getModel();
      if (!model) return;
      const markers = monaco.editor
        .getModelMarkers({ resource: model.uri })
        .map((m: MonacoMarker) => ({
          line: m.startLineNumber,
          column: m.startColumn,
          endLine: m.endLineNumber,
          endColumn: m.endColumn,
          message: m.message,
          severity: (m.severity === monaco.MarkerSeverity.Error
            ? "error"
            : m.severity === monaco.MarkerSeverity.Warning
              ? "warning"
              : "info") as EditorMarker["severity"],
        }));
      onMarkersRef.current?.(markers);
    };
    monaco.editor.onDidChangeMarkers(report);
    report();
  };

  return (
    // Uncontrolled: writing `value` back on every change races with typing under load
    // (characters lost, cursor thrown to the end). Remount (React `key`) to load other text.
    <Editor
      defaultValue={value}
      onChange={(v) => onChange?.(v ?? "")}
      language={language}
      path={path}
      theme={theme}
      height={height}
      onMount={onMount}
      options={{
        readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        fixedOverflowWidgets: true,
      }}
    />
  );
}

/** Side-by-side comparison of two texts (e.g. two environment versions). */
export function CodeDiff({
  original,
  modified,
  language,
  height = "100%",
}: {
  original: string;
  modified: string;
  language: string;
  height?: string;
}) {
  const theme = useEditorTheme();
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language={language}
      theme={theme}
      height={height}
      options={{
        readOnly: true,
        renderSideBySide: true,
        minimap: { enabled: false },
        automaticLayout: true,
        fontSize: 13,
      }}
    />
  );
}
