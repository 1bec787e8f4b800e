import type { Schema } from "./schemas";

const SAMPLE_TIME = "2030-01-15T09:30:00.000Z";

/** Text that fits a string schema: its format, a known pattern, or a word long enough. */
function sampleString(schema: Schema): string {
  switch (schema.format) {
    case "date-time":
      return SAMPLE_TIME;
    case "date":
      return SAMPLE_TIME.slice(0, 10);
    case "email":
      return "ada@example.com";
    case "uri":
    case "http-url":
      return "https://example.com/crm";
    case "uuid":
      return "0190f5c4-7d2a-7c3e-8a1b-2f4d6e8a0b1c";
  }
  const known: Record<string, string> = {
    "^[A-Z]{3}$": "EUR",
    "^\\d{4}-\\d{2}-\\d{2}$": SAMPLE_TIME.slice(0, 10),
    "^\\d{2}:\\d{2}$": "09:30",
  };
  const pattern = schema.pattern as string | undefined;
  if (pattern && known[pattern]) return known[pattern];
  const word = "example";
  const min = (schema.minLength as number | undefined) ?? 0;
  return word.padEnd(min, "x");
}

/**
 * A value valid against `schema` built from its own constraints: explicit
 * examples and defaults first, then the first enum member or branch, and for
 * objects their required properties only.
 */
export function exampleOf(schema: Schema, components: Record<string, Schema>): unknown {
  if (typeof schema.$ref === "string")
    return exampleOf(components[schema.$ref.split("/").pop() as string] ?? {}, components);
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ("example" in schema) return schema.example;
  if ("const" in schema) return schema.const;
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches?.length) return exampleOf(branches[0], components);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return sampleString(schema);
    case "integer":
    case "number":
      return (schema.minimum as number | undefined) ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const count = (schema.minItems as number | undefined) ?? 0;
      const item = (schema.items as Schema | undefined) ?? {};
      return Array.from({ length: count }, () => exampleOf(item, components));
    }
    case "object": {
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      const required = (schema.required as string[] | undefined) ?? [];
      return Object.fromEntries(
        required.map((name) => [name, exampleOf(properties[name] ?? {}, components)]),
      );
    }
  }
  return {};
}
