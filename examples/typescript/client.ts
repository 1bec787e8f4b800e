/**
 * A typed crmd client with no dependencies: plain fetch, typed by the
 * generated clients/crmd.d.ts (openapi-typescript, `npm run docs`). Paths,
 * query parameters, bodies and answers are all checked by the compiler.
 *
 *     CRMD_URL=http://localhost:8080 CRMD_KEY=elk_... bun client.ts
 */
import type { components, paths } from "../../clients/crmd";

export type Deal = components["schemas"]["Deal"];
type ApiError = components["schemas"]["Error"];

type Method = "get" | "post" | "put" | "patch" | "delete";
/** The paths that take a method. */
type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Operation<P extends PathWith<M>, M extends Method> = NonNullable<paths[P][M]>;
/** An operation's path and query parameters (headers are the client's). */
type Params<O> = O extends { parameters: { path?: infer Path; query?: infer Query } }
  ? ([Path] extends [never] | [undefined] ? { path?: never } : { path: Path }) & {
      query?: [Query] extends [never] ? never : Query;
    }
  : never;
type Body<O> = O extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
/** The JSON of an operation's success (200 or 201). */
type Answer<O> = O extends { responses: infer R }
  ? R extends { 200: { content: { "application/json": infer A } } }
    ? A
    : R extends { 201: { content: { "application/json": infer A } } }
      ? A
      : never
  : never;

export class Crmd {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  async call<M extends Method, P extends PathWith<M>>(
    method: M,
    path: P,
    params: Params<Operation<P, M>>,
    body?: Body<Operation<P, M>>,
  ): Promise<Answer<Operation<P, M>>> {
    const values = (params.path ?? {}) as Record<string, string>;
    const query = Object.entries((params.query ?? {}) as Record<string, unknown>)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
      .join("&");
    const url = `${String(path).replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]))}${query ? `?${query}` : ""}`;
    const response = await fetch(`${this.baseUrl}${url}`, {
      method: method.toUpperCase(),
      headers: { "x-api-key": this.key, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${(json as ApiError).code}: ${(json as ApiError).detail}`);
    return json as Answer<Operation<P, M>>;
  }

  /** Every deal a filter matches, page after page. */
  async allDeals(filter: { status?: "open" | "won" | "lost"; stage?: string }, pageSize = 50) {
    const deals: Deal[] = [];
    for (let page = 1; ; page++) {
      const list = await this.call("get", "/api/external/deals", {
        query: { ...filter, page, page_size: pageSize },
      });
      deals.push(...list.deals);
      if (!list.has_more) return deals;
    }
  }
}

if (import.meta.main) {
  const crmd = new Crmd(
    process.env.CRMD_URL ?? "http://localhost:8080",
    process.env.CRMD_KEY ?? "",
  );
  // Create, update (a new stage moves it), then find it again by its filters.
  const created = await crmd.call(
    "post",
    "/api/external/deals",
    {},
    {
      title: "Typed client",
      value: 120000,
      currency: "EUR",
    },
  );
  const id = { path: { id: created.id } };
  const updated = await crmd.call("patch", "/api/external/deals/{id}", id, { value: 150000 });
  const open = await crmd.allDeals({ status: "open", stage: updated.stage ?? undefined }, 2);
  const { deals, total } = await crmd.call("get", "/api/external/deals", {
    query: { page_size: 5 },
  });
  // A change feed: since a time, then from each next_cursor.
  const feed = await crmd.call("get", "/api/external/deals", {
    query: { since: created.created_at, page_size: 100 },
  });
  // Webhooks: register (the secret shows once), change, list, remove.
  const hook = await crmd.call(
    "post",
    "/api/external/webhooks",
    {},
    {
      url: process.env.CRMD_WEBHOOK_URL ?? "https://example.com/crm-hook",
      events: ["deal.*"],
    },
  );
  const hookId = { path: { id: hook.id } };
  const changed = await crmd.call("put", "/api/external/webhooks/{id}", hookId, {
    events: ["deal.won", "task.overdue"],
    is_active: false,
  });
  const hooks = await crmd.call("get", "/api/external/webhooks", {});
  await crmd.call("delete", "/api/external/webhooks/{id}", hookId);
  console.log(
    JSON.stringify({
      created: created.id,
      value: updated.value,
      found: open.some((deal) => deal.id === created.id),
      total,
      first: deals[0]?.title,
      feed: feed.deals.map((deal) => deal.id),
      next_cursor: feed.next_cursor,
      secret: hook.secret.startsWith("whsec_"),
      events: changed.events,
      webhooks: hooks.total,
    }),
  );
}
