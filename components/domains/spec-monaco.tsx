"use client";
// Loaded with next/dynamic (ssr: false): Monaco needs the browser.
import { useEffect, useRef, useState } from "react";
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
  schemas: [
    { uri: "inmemory://schemas/domain-spec.v1.json", fileMatch: [SPEC_FILE], schema: SPEC_SCHEMA },
  ],
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
  // Uncontrolled on purpose: @monaco-editor/react writes a changed `value` prop back over the
  // whole model in an effect, and on a busy machine that effect can land after the next
  // keystroke, undoing it and throwing the cursor to the end. The editor keeps its text; only
  // changes from outside (the form, Discard, a newer revision) are pushed in.
  const [initial] = useState(value);
  const reported = useRef(value);
  useEffect(() => {
    if (value === reported.current) return;
    const model = findEditor(path)?.getModel();
    if (!model) return;
    reported.current = value;
    if (model.getValue() !== value)
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value, path]);

  useEffect(() => {
    if (!reveal) return;
    // The editor mounts asynchronously; retry briefly until it is there.
    let tries = 0;
    const timer = setInterval(() => {
      const editor = findEditor(path);
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
      value={initial}
      onChange={(next) => {
        reported.current = next;
        onChange(next);
      }}
      language="json"
      path={path}
      readOnly={readOnly}
      onMarkers={onMarkers}
      extraMarkers={extraMarkers}
    />
  );
}

const findEditor = (path: string) =>
  monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === path);
