/**
 * Scopes are `<resource>:read` / `<resource>:write` per domain, plus
 * `webhooks:manage` and `keys:manage`. Seed 001's coarse permissions are
 * aliases: `read`, `write`, `webhook`, `*`.
 */
export const RESOURCES = [
  "deals",
  "leads",
  "tasks",
  "pipelines",
  "partners",
  "handoffs",
  "activity",
  "kpis",
  "contacts",
  "companies",
  "notes",
  "calendar",
  "documents",
  "search",
  "conversations",
  "messages",
  "fields",
] as const;

export type Resource = (typeof RESOURCES)[number];
/** Communications: reading the timeline, logging calls and sending are separate grants. */
const COMMUNICATION_SCOPES = [
  "interactions:read",
  "calls:write",
  "email:send",
  "sms:send",
] as const;

export type Scope =
  | `${Resource}:read`
  | `${Resource}:write`
  | (typeof COMMUNICATION_SCOPES)[number]
  | "webhooks:manage"
  | "keys:manage"
  | "events:read";

export const ALL_SCOPES: Scope[] = [
  ...RESOURCES.flatMap((r) => [`${r}:read`, `${r}:write`] as Scope[]),
  ...COMMUNICATION_SCOPES,
  "webhooks:manage",
  "keys:manage",
  "events:read",
];

/** Aliases accepted in `permissions`, each standing for a set of scopes. */
const ALIASES: Record<string, Scope[]> = {
  "*": ALL_SCOPES,
  read: ALL_SCOPES.filter((s) => s.endsWith(":read")),
  write: ALL_SCOPES.filter((s) => s.endsWith(":write")),
  webhook: ["webhooks:manage"],
  webhooks: ["webhooks:manage"],
  // seed 004 calls notes "activities"
  "activities:write": ["notes:write"],
  "activities:read": ["notes:read"],
  ...Object.fromEntries(RESOURCES.map((r) => [`${r}:*`, [`${r}:read`, `${r}:write`] as Scope[]])),
};

export const isKnownPermission = (p: string): boolean =>
  p in ALIASES || (ALL_SCOPES as string[]).includes(p);

/** Expands granted permissions (scopes and aliases) into the set of scopes they give. */
export function expandPermissions(permissions: readonly string[]): Set<Scope> {
  const scopes = new Set<Scope>();
  for (const p of permissions) {
    const alias = ALIASES[p];
    if (alias) for (const s of alias) scopes.add(s);
    else if ((ALL_SCOPES as string[]).includes(p)) scopes.add(p as Scope);
  }
  return scopes;
}
