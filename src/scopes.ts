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
  "objects",
  "mls",
  "suppressions",
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

/**
 * The permissions a key may be given that grant `scope`: the scope itself,
 * then each alias standing for it, narrowest first (`deals:*`, `read`, `*`).
 */
export function grantsOf(scope: Scope): string[] {
  const aliases = Object.entries(ALIASES)
    .filter(([, scopes]) => scopes.includes(scope))
    .sort(([, a], [, b]) => a.length - b.length)
    .map(([alias]) => alias);
  return [scope, ...aliases];
}

/**
 * A custom object's scope, `<plural>:read|write` (or `<plural>:*`): object
 * types are defined per tenant, so any such name is a valid permission.
 * `objects:read|write` (and the read, write and * aliases) grant every
 * custom object's.
 */
const OBJECT_SCOPE = /^[a-z][a-z0-9_]{0,62}:(read|write|\*)$/;
/**
 * Names of built-in scopes (`deals`, `events`, `interactions`, `calls`, …)
 * and of aliases (`activities`, seed 004's notes): never a custom object's,
 * whose `<plural>:read` would then be another grant.
 */
const BUILT_IN_NAMES = new Set<string>(
  [...ALL_SCOPES, ...Object.keys(ALIASES)]
    .filter((scope) => scope.includes(":"))
    .map((scope) => scope.split(":")[0]),
);

/** Whether `name` is a built-in scope's resource name, which no custom object may take as plural. */
export const isBuiltInScopeName = (name: string): boolean => BUILT_IN_NAMES.has(name);

export const isKnownPermission = (p: string): boolean =>
  p in ALIASES || (ALL_SCOPES as string[]).includes(p) || OBJECT_SCOPE.test(p);

/** True when `scopes` allow `required`, a built-in scope or a custom object's. */
export function allows(scopes: ReadonlySet<string>, required: string): boolean {
  if (scopes.has(required)) return true;
  const [resource, access] = required.split(":");
  return !isBuiltInScopeName(resource) && scopes.has(`objects:${access}`);
}

/** Expands granted permissions (scopes and aliases) into the set of scopes they give. */
export function expandPermissions(permissions: readonly string[]): Set<Scope> {
  const scopes = new Set<Scope>();
  for (const p of permissions) {
    const alias = ALIASES[p];
    if (alias) for (const s of alias) scopes.add(s);
    else if (p.endsWith(":*") && OBJECT_SCOPE.test(p))
      for (const access of ["read", "write"]) scopes.add(p.replace("*", access) as Scope);
    else if (isKnownPermission(p)) scopes.add(p as Scope);
  }
  return scopes;
}

/**
 * The resource whose `:read` scope shows an entity's changes (activity) and
 * events, by entity type (an event type's first word). Not here: a
 * tenant's own object types (`<plural>:read`), and entities whose rows name
 * other records (association, handoff) or no resource (webhook, sla).
 */
export const READ_RESOURCE_OF_ENTITY: Readonly<Record<string, string>> = {
  deal: "deals",
  lead: "leads",
  task: "tasks",
  pipeline: "pipelines",
  business_hours: "pipelines",
  partner: "partners",
  handoff: "handoffs",
  contact: "contacts",
  company: "companies",
  note: "notes",
  calendar: "calendar",
  calendar_event: "calendar",
  document: "documents",
  conversation: "conversations",
  message: "messages",
  property: "mls",
  field: "fields",
  object_type: "fields",
  call: "interactions",
  email: "interactions",
  sms: "interactions",
  suppression: "suppressions",
};
