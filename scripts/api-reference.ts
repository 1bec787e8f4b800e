/**
 * Renders the OpenAPI document as Markdown (docs/api.md): operations by tag,
 * the webhook payloads, and every named schema. `npm run docs` writes it; a
 * test fails when the file no longer matches the served document.
 */

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked as plain JSON
type Json = Record<string, any>;

/** A Markdown table laid out as Biome formats it (columns padded to their widest cell). */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((_, i) =>
    Math.max(3, ...[header, ...rows].map((row) => [...(row[i] ?? "")].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

const cell = (text: unknown) =>
  String(text ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n+/g, " ");
const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** A schema in one short phrase: `Deal`, `string (date-time)`, `array of Deal`. */
export function typeOf(schema: Json | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) {
    const name = String(schema.$ref).split("/").pop() as string;
    return `[${name}](#${anchor(name)})`;
  }
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(", ");
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.map(typeOf).join(" or ");
  // A named schema extended in place (a list row with its links): `Deal` plus the added fields.
  if (schema.allOf)
    return schema.allOf
      .map((part: Json) =>
        part.properties && !part.$ref
          ? `{${Object.keys(part.properties)
              .map((name) => `\`${name}\``)
              .join(", ")}}`
          : typeOf(part),
      )
      .join(" & ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "object"];
  return types
    .map((type: string) => {
      if (type === "array") return `array of ${typeOf(schema.items)}`;
      return schema.format && type !== "null" ? `${type} (${schema.format})` : type;
    })
    .join(" or ");
}

function fields(schema: Json): string[] {
  const properties = Object.entries<Json>(schema.properties ?? {});
  if (properties.length === 0) return [];
  const required = new Set<string>(schema.required ?? []);
  return markdownTable(
    ["field", "type", "required", "description"],
    properties.map(([name, property]) => [
      `\`${name}\``,
      cell(typeOf(property)),
      required.has(name) ? "yes" : "",
      cell(property.description),
    ]),
  );
}

/** A response or parameter as it reads: one shared by `$ref` (components.responses, .parameters) looked up. */
const resolved = (doc: Json, shared: Json): Json => {
  if (!shared.$ref) return shared;
  const [, , section, name] = String(shared.$ref).split("/");
  return doc.components[section][name];
};

function operation(doc: Json, method: string, path: string, op: Json): string[] {
  const lines = [`### ${method.toUpperCase()} \`${path}\``, "", cell(op.summary), ""];
  // What to know beyond the summary, ending with the credentials and scope it takes.
  if (op.description) lines.push(op.description, "");
  if (op.operationId) lines.push(`Operation id: \`${op.operationId}\``, "");
  const parameters: Json[] = (op.parameters ?? []).map((p: Json) => resolved(doc, p));
  if (parameters.length)
    lines.push(
      ...markdownTable(
        ["parameter", "in", "type", "required", "description"],
        parameters.map((p) => [
          `\`${p.name}\``,
          p.in,
          cell(typeOf(p.schema)),
          p.required ? "yes" : "",
          cell(p.description ?? p.schema?.description),
        ]),
      ),
      "",
    );
  for (const [type, media] of Object.entries<Json>(op.requestBody?.content ?? {})) {
    const schema = media.schema ?? {};
    lines.push(`Body (\`${type}\`): ${typeOf(schema)}`, "");
    if (!schema.$ref) lines.push(...fields(schema), "");
    if (media.example !== undefined)
      lines.push("```json", JSON.stringify(media.example, null, 2), "```", "");
  }
  const responses = Object.entries<Json>(op.responses ?? {}).map(([status, entry]) => {
    const response = resolved(doc, entry);
    const schema = Object.values<Json>(response.content ?? {})[0]?.schema;
    return [status, schema ? cell(typeOf(schema)) : "", cell(response.description)];
  });
  lines.push(...markdownTable(["status", "body", "description"], responses), "");
  return lines;
}

export function renderApiReference(doc: Json): string {
  const lines = [
    "# API reference",
    "",
    "<!-- Generated from the OpenAPI document (/swagger/json) by `npm run docs`; do not edit. -->",
    "",
    doc.info?.description ?? "",
    "",
  ];
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries<Json>(doc.paths ?? {}))
    for (const [method, op] of Object.entries<Json>(operations)) {
      const tag = op.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...operation(doc, method, path, op)]);
    }
  for (const { name, description } of doc.tags ?? []) {
    const section = byTag.get(name);
    if (!section) continue;
    lines.push(`## ${name}`, "", description ?? "", "", ...section);
  }
  lines.push(
    "## Webhook payloads",
    "",
    "Every delivery is a signed `POST` of one envelope, [WebhookEvent](#webhookevent); `data` is the record the event is about.",
    "",
    ...markdownTable(
      ["event type", "data"],
      Object.entries<Json>(doc.webhooks ?? {}).map(([type, item]) => {
        const payload: Json = item.post?.requestBody?.content?.["application/json"]?.schema ?? {};
        // The shared envelope narrowed for the event type (allOf), or spelled out.
        const parts: Json[] = [payload, ...(payload.allOf ?? [])];
        const data = parts.find((part) => part.properties?.data)?.properties.data;
        return [`\`${type}\``, cell(typeOf(data))];
      }),
    ),
    "",
    "## Schemas",
    "",
  );
  for (const [name, schema] of Object.entries<Json>(doc.components?.schemas ?? {}))
    lines.push(`### ${name}`, "", ...fields(schema), "");
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
