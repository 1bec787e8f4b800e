/**
 * A typed crmd client with no dependencies: plain fetch, typed by the
 * generated clients/crmd.d.ts (openapi-typescript, `npm run docs`).
 *
 *     CRMD_URL=http://localhost:8080 CRMD_KEY=elk_... bun client.ts
 */
import type { components, paths } from "../../clients/crmd";

export type Deal = components["schemas"]["Deal"];
type DealList = components["schemas"]["DealList"];
type CreateDeal = NonNullable<
  paths["/api/external/deals"]["post"]["requestBody"]
>["content"]["application/json"];
type ApiError = components["schemas"]["Error"];

export class Crmd {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "x-api-key": this.key, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${(json as ApiError).code}: ${(json as ApiError).detail}`);
    return json as T;
  }

  listDeals(pageSize = 50): Promise<DealList> {
    return this.call("GET", `/api/external/deals?page_size=${pageSize}`);
  }

  createDeal(deal: CreateDeal): Promise<Deal> {
    return this.call("POST", "/api/external/deals", deal);
  }
}

if (import.meta.main) {
  const crmd = new Crmd(
    process.env.CRMD_URL ?? "http://localhost:8080",
    process.env.CRMD_KEY ?? "",
  );
  const created = await crmd.createDeal({ title: "Typed client", value: 120000, currency: "EUR" });
  const { deals, total } = await crmd.listDeals(5);
  console.log(JSON.stringify({ created: created.id, total, first: deals[0]?.title }));
}
