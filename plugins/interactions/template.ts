import { invalid } from "../../src/core";

export type Variables = Record<string, string | number>;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/**
 * Fills `{{ name }}` placeholders from `variables` (escaped in HTML); an
 * unknown name is 422 at `path`, so a half-filled email is never sent.
 */
export function render(
  template: string,
  variables: Variables,
  path: string,
  kind: "text" | "html",
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) throw invalid(path, `unknown template variable {{${name}}}`);
    return kind === "html" ? escapeHtml(String(value)) : String(value);
  });
}

/** The placeholder names a template uses. */
export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
