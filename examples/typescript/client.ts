/**
 * A typed crmd client with no dependencies: plain fetch, typed by the
 * generated clients/crmd.d.ts (openapi-typescript, `npm run docs`). Paths,
 * query parameters, bodies and answers are all checked by the compiler.
 * A refusal is a CrmdError carrying crmd's error body (a 422's `errors`
 * name each field); a 429 is retried after its Retry-After.
 *
 *     CRMD_URL=http://localhost:8080 CRMD_KEY=elk_... bun client.ts
 */
import type { components, paths } from "../../clients/crmd";

export type Deal = components["schemas"]["Deal"];
export type ApiError = components["schemas"]["Error"];
/** A 422's body: an error whose field `errors` are always there. */
export type ValidationError = components["schemas"]["ValidationError"];

/** An answer other than 2xx, with crmd's error body. */
export class CrmdError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(`${status} ${body.code}: ${body.detail}`);
  }

  get code(): string {
    return this.body.code;
  }

  /** A 422, whose body is a ValidationError. */
  isValidation(): this is CrmdError & { status: 422; body: ValidationError } {
    return this.status === 422;
  }

  /** The field errors, on a 422 always: a JSON pointer into the request (`/currency`) and what is wrong there. */
  get fieldErrors(): ValidationError["errors"] | [] {
    return this.isValidation() ? this.body.errors : (this.body.errors ?? []);
  }
}

export interface CrmdOptions {
  /** 429s retried before one is thrown (default 3). */
  maxRetries?: number;
  /** How a wait of Retry-After seconds is spent (default: a timer). */
  sleep?: (seconds: number) => Promise<void>;
}

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
  private readonly maxRetries: number;
  private readonly sleep: (seconds: number) => Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
    options: CrmdOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 3;
    this.sleep = options.sleep ?? ((seconds) => Bun.sleep(seconds * 1000));
  }

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
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${this.baseUrl}${url}`, {
        method: method.toUpperCase(),
        headers: { "x-api-key": this.key, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      // Over the key's rate limit: nothing was done, so even a POST is sent again.
      if (response.status === 429 && attempt < this.maxRetries) {
        await response.body?.cancel();
        await this.sleep(Number(response.headers.get("retry-after") ?? 1));
        continue;
      }
      const json = response.status === 204 ? undefined : await response.json();
      if (!response.ok) throw new CrmdError(response.status, json as ApiError);
      return json as Answer<Operation<P, M>>;
    }
  }

  /**
   * Every deal changed since a time, oldest change first (deletions with
   * `deleted_at` set), page after page along `next_cursor`; `cursor` is
   * where the next poll starts.
   */
  async dealChanges(since: string, pageSize = 100) {
    const deals: Deal[] = [];
    let page = await this.call("get", "/api/external/deals", {
      query: { since, page_size: pageSize },
    });
    for (;;) {
      deals.push(...page.deals);
      if (!page.has_more || !page.next_cursor) return { deals, cursor: page.next_cursor };
      page = await this.call("get", "/api/external/deals", {
        query: { cursor: page.next_cursor, page_size: pageSize },
      });
    }
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
  // A change feed: since a time, then along each next_cursor (two deals a page).
  await crmd.call("post", "/api/external/deals", {}, { title: "Typed client, second" });
  const feed = await crmd.dealChanges(created.created_at, 1);
  // A refusal is a CrmdError; a 422 names each field it refused.
  const refused = await crmd
    .call("post", "/api/external/deals", {}, { title: "Bad currency", currency: "euro" })
    .catch((error: unknown) => error);
  if (!(refused instanceof CrmdError)) throw new Error("a deal in currency 'euro' was accepted");
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
      next_cursor: feed.cursor,
      refused: { status: refused.status, code: refused.code, fields: refused.fieldErrors },
      secret: hook.secret.startsWith("whsec_"),
      events: changed.events,
      webhooks: hooks.total,
    }),
  );
}
