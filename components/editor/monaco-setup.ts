"use client";
// Monaco from our own bundle (never a CDN): workers come from the monaco-editor package, and the
// TypeScript service knows the environment SDK so type errors show as markers while typing.
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { SDK_DTS } from "@/lib/runtime/sdk/dts.generated";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  window.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(
          new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url),
          { type: "module" },
        );
      }
      if (label === "json") {
        return new Worker(new URL("monaco-editor/language/json/json.worker.js", import.meta.url), {
          type: "module",
        });
      }
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
        type: "module",
      });
    },
  };
  const ts = monaco.typescript.typescriptDefaults;
  ts.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ES2020,
    module: monaco.typescript.ModuleKind.ESNext,
    moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    lib: ["es2020"],
  });
  ts.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  ts.addExtraLib(SDK_DTS, "file:///node_modules/@envfactory/sdk/index.d.ts");
  loader.config({ monaco });
  return monaco;
}
