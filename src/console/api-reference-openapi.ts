// The officer API's own OpenAPI document, read once per process for the API reference page (it changes only with
// a deployment), and the small walks the page needs over it: $ref resolution and a readable type for a schema.
import { officerApi } from "../http/api/officer-api";

export interface OpenApiSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  description?: string;
  default?: unknown;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: OpenApiSchema | boolean;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: OpenApiSchema;
  $ref?: string;
}

export interface OpenApiOperation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { description?: string; content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: OpenApiSchema }> }>;
  security?: unknown[];
  "x-required-role"?: string;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema>; parameters?: Record<string, OpenApiParameter> };
}

let cached: Promise<OpenApiDocument> | undefined;

async function buildDocument(): Promise<OpenApiDocument> {
  const response = await officerApi().request("/api/openapi.json");
  return (await response.json()) as OpenApiDocument;
}

/** The document /api/openapi.json serves, built in-process (no network, no officer needed: it is public). */
export function officerApiDocument(): Promise<OpenApiDocument> {
  const pending =
    cached ??
    buildDocument().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  cached = pending;
  return pending;
}

export function refName(ref: string): string {
  return ref.split("/").at(-1) ?? ref;
}

export function resolveSchema(doc: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) current = doc.components?.schemas?.[refName(current.$ref)];
  return current;
}

export function resolveParameter(doc: OpenApiDocument, parameter: OpenApiParameter): OpenApiParameter | undefined {
  return parameter.$ref ? doc.components?.parameters?.[refName(parameter.$ref)] : parameter;
}

/** "string (email)", "integer", "\"a\" | \"b\"", "Officer[]", "string | null". */
export function typeText(schema: OpenApiSchema | undefined): string {
  if (!schema) return "—";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeText).join(" | ");
  if (schema.allOf) return schema.allOf.map(typeText).join(" & ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return "bất kỳ";
  return types
    .map((type) => {
      if (type === "array") return `${typeText(schema.items)}[]`;
      if (type === "object" && !schema.properties) return "object";
      return schema.format ? `${type} (${schema.format})` : type;
    })
    .join(" | ");
}

/** The constraints a caller must meet, in short Vietnamese ("1–200 ký tự", "≥ 1", "mặc định 50"). */
export function constraintText(schema: OpenApiSchema | undefined): string[] {
  if (!schema) return [];
  const out: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min}–${max} ${unit}`);
    else if (max !== undefined) out.push(`tối đa ${max} ${unit}`);
    else if (min !== undefined) out.push(`ít nhất ${min} ${unit}`);
  };
  range(schema.minLength, schema.maxLength, "ký tự");
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  range(schema.minItems, schema.maxItems, "phần tử");
  if (schema.pattern) out.push(`mẫu ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`mặc định ${JSON.stringify(schema.default)}`);
  if (schema.example !== undefined) out.push(`VD: ${JSON.stringify(schema.example)}`);
  return out;
}
