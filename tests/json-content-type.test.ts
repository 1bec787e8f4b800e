import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startTestServer, type TestServer } from "./helpers/server";

/** The one spelling every JSON answer carries (Bun's Response.json and Elysia use it). */
const JSON_TYPE = "application/json;charset=utf-8";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const typeOf = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${server.url}${path}`, init);
  await response.arrayBuffer();
  return { status: response.status, type: response.headers.get("content-type") };
};

describe("Content-Type of JSON answers", () => {
  test("success, validation, 404, 401, 405, 429, HEAD and idempotent replays are all labelled alike", async () => {
    const { key } = await server.tenant(undefined, ["*"], { rate_limit: 12 });
    const auth = { "x-api-key": key };
    const json = { ...auth, "content-type": "application/json" };
    const created = await fetch(`${server.url}/api/external/contacts`, {
      method: "POST",
      headers: { ...json, "idempotency-key": "content-type-1" },
      body: JSON.stringify({ first_name: "Ada" }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe(JSON_TYPE);
    const { id } = (await created.json()) as { id: string };
    const answers = {
      list: await typeOf("/api/external/contacts", { headers: auth }),
      one: await typeOf(`/api/external/contacts/${id}`, { headers: auth }),
      head: await typeOf(`/api/external/contacts/${id}`, { method: "HEAD", headers: auth }),
      replay: await typeOf("/api/external/contacts", {
        method: "POST",
        headers: { ...json, "idempotency-key": "content-type-1" },
        body: JSON.stringify({ first_name: "Ada" }),
      }),
      invalid: await typeOf("/api/external/contacts", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ first_name: 7 }),
      }),
      missing: await typeOf("/api/external/contacts/00000000-0000-7000-8000-000000000000", {
        headers: auth,
      }),
      noRoute: await typeOf("/api/external/no-such-thing", { headers: auth }),
      unauthenticated: await typeOf("/api/external/contacts"),
      wrongMethod: await typeOf("/api/external/contacts", { method: "PUT", headers: auth }),
    };
    expect(
      Object.fromEntries(Object.entries(answers).map(([name, a]) => [name, [a.status, a.type]])),
    ).toEqual({
      list: [200, JSON_TYPE],
      one: [200, JSON_TYPE],
      head: [200, JSON_TYPE],
      replay: [201, JSON_TYPE],
      invalid: [422, JSON_TYPE],
      missing: [404, JSON_TYPE],
      noRoute: [404, JSON_TYPE],
      unauthenticated: [401, JSON_TYPE],
      wrongMethod: [405, JSON_TYPE],
    });
    let limited = await typeOf("/api/external/contacts", { headers: auth });
    while (limited.status === 200)
      limited = await typeOf("/api/external/contacts", { headers: auth });
    expect(limited).toEqual({ status: 429, type: JSON_TYPE });
  });
});
