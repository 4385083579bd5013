"use client";
// Loaded with next/dynamic (ssr: false): Monaco needs the browser.
import { useEffect } from "react";
import { CodeEditor, type EditorMarker } from "@/components/editor/code-editor";
import { setupMonaco } from "@/components/editor/monaco-setup";
import { SPEC_SCHEMA } from "./spec-json";

const SPEC_FILE = "domain-spec.json";
const monaco = setupMonaco();
// Validation and completion for every model named …/domain-spec.json.
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  enableSchemaRequest: false,
  schemaValidation: "error",
  schemas: [{ uri: "inmemory://schemas/domain-spec.v1.json", fileMatch: [SPEC_FILE], schema: SPEC_SCHEMA }],
});

export const specModelPath = (domainId: string) => `file:///domains/${domainId}/${SPEC_FILE}`;

export interface RevealRequest {
  line: number;
  column: number;
  /** Changes on every request, so asking for the same place twice still moves there. */
  nonce: number;
}

export function SpecMonaco({
  domainId,
  value,
  onChange,
  readOnly,
  onMarkers,
  extraMarkers,
  reveal,
}: {
  domainId: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  onMarkers: (markers: EditorMarker[]) => void;
  extraMarkers: EditorMarker[];
  reveal: RevealRequest | null;
}) {
  const path = specModelPath(domainId);
  useEffect(() => {
    if (!reveal) return;
    // The editor mounts asynchronously; retry briefly until it is there.
    let tries = 0;
    const timer = setInterval(() => {
      const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === path);
      if (editor || ++tries > 40) clearInterval(timer);
      if (!editor) return;
      const position = { lineNumber: reveal.line, column: reveal.column };
      editor.revealPositionInCenter(position);
      editor.setPosition(position);
      editor.focus();
    }, 50);
    return () => clearInterval(timer);
  }, [reveal, path]);

  return (
    <CodeEditor
      value={value}
      onChange={onChange}
      language="json"
      path={path}
      readOnly={readOnly}
      onMarkers={onMarkers}
      extraMarkers={extraMarkers}
    />
  );
}
