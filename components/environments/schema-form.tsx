"use client";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

type Schema = {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
};

export type FormValues = Record<string, string>;

function typeOf(schema: Schema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== "null") : schema.type;
  if (schema.enum) return "enum";
  return t ?? "json";
}

/** Initial text for each field: the schema's default, else empty. */
export function initialValues(schema: Schema): FormValues {
  const values: FormValues = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    values[name] =
      prop.default === undefined
        ? ""
        : typeof prop.default === "string"
          ? prop.default
          : JSON.stringify(prop.default);
  }
  return values;
}

/**
 * Turns the form's text back into arguments. Empty optional fields are left out; numbers that do
 * not parse are passed as text so the runtime's schema check explains what is wrong.
 */
export function toArgs(schema: Schema, values: FormValues): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const text = values[name] ?? "";
    if (text === "" && !(schema.required ?? []).includes(name)) continue;
    const kind = typeOf(prop);
    if (kind === "number" || kind === "integer")
      args[name] = text.trim() === "" || Number.isNaN(Number(text)) ? text : Number(text);
    else if (kind === "boolean") args[name] = text === "true";
    else if (
      kind === "string" ||
      (kind === "enum" && prop.enum?.every((v) => typeof v === "string"))
    )
      args[name] = text;
    else {
      try {
        args[name] = JSON.parse(text);
      } catch {
        args[name] = text;
      }
    }
  }
  return args;
}

/** A form generated from a tool's input JSON Schema. */
export function SchemaForm({
  schema,
  values,
  onChange,
  idPrefix,
}: {
  schema: Schema;
  values: FormValues;
  onChange: (values: FormValues) => void;
  idPrefix: string;
}) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0)
    return <p className="text-sm text-muted">This tool takes no arguments.</p>;
  const set = (name: string, value: string) => onChange({ ...values, [name]: value });
  return (
    <div className="space-y-3">
      {properties.map(([name, prop]) => {
        const id = `${idPrefix}-${name}`;
        const required = (schema.required ?? []).includes(name);
        const kind = typeOf(prop);
        const label = `${name}${required ? "" : " (optional)"}`;
        const hint = [
          prop.description,
          kind === "json" || kind === "array" || kind === "object" ? "JSON" : kind,
        ]
          .filter(Boolean)
          .join(" · ");
        return (
          <Field key={name} label={label} htmlFor={id} hint={hint}>
            {kind === "enum" ? (
              <Select
                id={id}
                value={values[name] ?? ""}
                onChange={(e) => set(name, e.target.value)}
              >
                {!required && <option value="">—</option>}
                {prop.enum!.map((v) => (
                  <option key={String(v)} value={String(v)}>
                    {String(v)}
                  </option>
                ))}
              </Select>
            ) : kind === "boolean" ? (
              <Select
                id={id}
                value={values[name] ?? ""}
                onChange={(e) => set(name, e.target.value)}
              >
                {!required && <option value="">—</option>}
                <option value="true">true</option>
                <option value="false">false</option>
              </Select>
            ) : kind === "array" || kind === "object" || kind === "json" ? (
              <Textarea
                id={id}
                rows={3}
                className="font-mono text-xs"
                value={values[name] ?? ""}
                onChange={(e) => set(name, e.target.value)}
              />
            ) : (
              <Input
                id={id}
                inputMode={kind === "number" || kind === "integer" ? "decimal" : undefined}
                value={values[name] ?? ""}
                onChange={(e) => set(name, e.target.value)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
