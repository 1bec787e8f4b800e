/**
 * Writes the generated parts of the documentation: the README's
 * configuration table (from src/config.ts), docs/api.md and the client types
 * clients/crmd.d.ts (from the OpenAPI document). `npm run docs`;
 * tests/docs.test.ts fails when any is stale.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { DEFAULTS, SETTINGS } from "../src/config";
import { createLogger } from "../src/logger";
import { startServer } from "../src/server";
import { markdownTable, renderApiReference } from "./api-reference";

const BEGIN = "<!-- configuration table: generated from src/config.ts by `npm run docs` -->";
const END = "<!-- end of configuration table -->";

/** Defaults that are words ("per job", "– (no CORS)") stay plain; values are code. */
const shownDefault = (shown: string) =>
  /\s/.test(shown) || shown === "–" ? shown : `\`${shown}\``;

/** The README's configuration table: every setting of src/config.ts. */
export function settingsTable(): string {
  return markdownTable(
    ["flag", "env", "default", "meaning"],
    SETTINGS.map((s) => [
      "flag" in s ? `\`--${s.flag}\`` : "–",
      `\`${s.env}\``,
      shownDefault(s.shown),
      s.help.replace(/\|/g, "\\|"),
    ]),
  ).join("\n");
}

/** The README with its configuration table replaced by the current one. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1)
    throw new Error("README.md lacks the configuration table markers");
  return `${readme.slice(0, start + BEGIN.length)}\n${settingsTable()}\n${readme.slice(end)}`;
}

/** The OpenAPI document a default crmd serves (no demo data, an empty temporary database). */
export async function servedDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "crmd-docs-"));
  const server = await startServer(
    {
      ...DEFAULTS,
      host: "127.0.0.1",
      port: 0,
      dataDir: dir,
      databaseUrl: `file:${join(dir, "crmd.db")}`,
      demo: false,
      workers: false,
    },
    { logger: createLogger("silent") },
  );
  try {
    return (await (await fetch(`${server.url}/swagger/json`)).json()) as Record<string, unknown>;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** TypeScript types of the API (`paths`, `components`) made by openapi-typescript from the document. */
export async function clientTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { silent: true });
  return `// Generated from the OpenAPI document by \`npm run docs\` (openapi-typescript); do not edit.\n${astToString(ast)}`;
}

if (import.meta.main) {
  const root = join(import.meta.dir, "..");
  const readme = join(root, "README.md");
  writeFileSync(readme, withConfigTable(readFileSync(readme, "utf8")));
  const doc = await servedDocument();
  writeFileSync(join(root, "docs", "api.md"), renderApiReference(doc));
  writeFileSync(join(root, "clients", "crmd.d.ts"), await clientTypes(doc));
  console.log("wrote the README's configuration table, docs/api.md and clients/crmd.d.ts");
}
