import { expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderApiReference } from "../scripts/api-reference";
import { clientTypes, servedDocument, withConfigTable } from "../scripts/docs";
import "../plugins";
import { USAGE } from "../src/cli";
import { DEFAULTS, SETTINGS } from "../src/config";
import { builtInEventTypes } from "../src/events";
import { describeOnce } from "./helpers/database";
import { startTestServer } from "./helpers/server";

const ROOT = join(import.meta.dir, "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const STALE = "stale: run `npm run docs` and commit the result";

describeOnce("generated documentation is current", () => {
  test("the README's configuration table is the one src/config.ts makes", () => {
    const readme = read("README.md");
    expect({ readme: readme === withConfigTable(readme) ? "current" : STALE }).toEqual({
      readme: "current",
    });
    for (const setting of SETTINGS) expect(readme).toContain(`\`${setting.env}\``);
  });

  test("docs/api.md is the served OpenAPI document rendered", async () => {
    const current = renderApiReference(await servedDocument());
    expect({ api: read("docs/api.md") === current ? "current" : STALE }).toEqual({
      api: "current",
    });
    expect(current.includes("### POST `/api/external/deals`")).toBe(true);
    expect(/\| `deal\.won` +\| \[Deal\]\(#deal\) +\|/.test(current)).toBe(true);
  });

  test("clients/crmd.d.ts is openapi-typescript's output for the served document, a named type per schema", async () => {
    const doc = await servedDocument();
    const current = await clientTypes(doc);
    expect({ client: read("clients/crmd.d.ts") === current ? "current" : STALE }).toEqual({
      client: "current",
    });
    for (const name of Object.keys((doc.components as { schemas: object }).schemas))
      expect(current).toContain(`        ${name}: {`);
    expect(current).not.toContain("| null) | null");
    expect(current).toContain("schemas: {");
  }, 30_000);

  test("crmd --help shows every setting with the default the code uses", () => {
    for (const setting of SETTINGS)
      expect(USAGE).toContain("flag" in setting ? `--${setting.flag}` : setting.env);
    expect(USAGE).toContain(`CRMD_WEBHOOK_CONCURRENCY, default ${DEFAULTS.webhookConcurrency})`);
  });

  test("crmd --help is plain text: the README's Markdown links show as their target", () => {
    expect(USAGE).not.toMatch(/\]\(|`/);
    expect(USAGE).toContain("postgres(ql)://… (docs/postgresql.md)");
    expect(USAGE).toContain("(more: docs/communications.md#tls)");
    // What an unset --public-url gives the OpenAPI document (tests/openapi.test.ts serves it).
    expect(USAGE).toContain("default the listen URL in the curl line, / in servers)");
  });
});

describeOnce("README", () => {
  test("a newcomer's page: at most 250 lines, every documentation link resolves", () => {
    const readme = read("README.md");
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
    const links = [...readme.matchAll(/\]\(((?:docs|examples|bench)\/[^)#]*)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(8);
    for (const link of links)
      expect({ link, exists: existsSync(join(ROOT, link)) }).toEqual({ link, exists: true });
  });

  test("its command line lists every command crmd --help lists", () => {
    const commandsOf = (lines: string[]) =>
      lines.map((line) => /^(serve|[a-z]+(?: (?:create|list|update|revoke))?)\b/.exec(line)?.[1]);
    const help = USAGE.split("Commands:\n")[1].split("\n\n")[0].split("\n");
    const helped = commandsOf(help.map((line) => line.slice(2))).filter(Boolean);
    const block = read("README.md").split("## Command line\n\n```\n")[1].split("```")[0];
    const listed = commandsOf(
      block
        .split("\n")
        .filter((line) => line.startsWith("crmd "))
        .map((line) => line.slice(5).replace(/^\[serve\]/, "serve")),
    );
    expect(helped.length).toBeGreaterThan(8);
    for (const command of helped)
      expect({ command, listed: listed.includes(command) }).toEqual({ command, listed: true });
  });

  test("every relative link in docs/ resolves", () => {
    for (const page of readdirSync(join(ROOT, "docs")))
      for (const [, target] of read(`docs/${page}`).matchAll(/\]\(([^)\s#]+)/g)) {
        if (/^https?:/.test(target)) continue;
        const exists = existsSync(join(ROOT, "docs", target));
        expect({ page, target, exists }).toEqual({ page, target, exists: true });
      }
  });

  test("the loopback refusal names the setting that allows local receivers", async () => {
    const server = await startTestServer({ config: { webhookAllowPrivate: false } });
    try {
      const { api } = await server.tenant();
      const reply = await api.post("/api/external/webhooks", {
        url: "http://127.0.0.1:9000/hook",
        events: ["*"],
      });
      expect(reply.status).toBe(422);
      expect(reply.body.detail).toContain("CRMD_WEBHOOK_ALLOW_PRIVATE=1");
    } finally {
      await server.close();
    }
  });
});

/**
 * The event types a table of docs/webhooks.md names: a row names its first
 * type in full, then siblings by their last part (`deal.created` / `.updated`).
 */
function documentedEventTypes(page: string): Set<string> {
  const types = new Set<string>();
  for (const row of page.split("\n").filter((line) => line.startsWith("| "))) {
    let prefix = "";
    for (const [, name] of row.split("|")[1].matchAll(/`([a-z_.]+)`/g)) {
      if (!name.startsWith(".")) prefix = name.slice(0, name.lastIndexOf("."));
      types.add(name.startsWith(".") ? prefix + name : name);
    }
  }
  return types;
}

describeOnce("docs/webhooks.md", () => {
  test("its table of events names every event type crmd emits", () => {
    const documented = documentedEventTypes(read("docs/webhooks.md"));
    const missing = builtInEventTypes().filter((type) => !documented.has(type));
    expect(missing).toEqual([]);
  });
});
