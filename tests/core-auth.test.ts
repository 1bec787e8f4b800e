import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("authentication", () => {
  test("no key: 401 with the error body and a request id", async () => {
    const reply = await server.anonymous.get("/api/external/api-keys");
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe("UNAUTHORIZED");
    expect(typeof reply.body.detail).toBe("string");
    expect(reply.headers.get("x-request-id")).toBeTruthy();
  });

  test("X-API-Key and Authorization: Bearer both work", async () => {
    const { key } = await server.tenant(undefined, ["keys:manage"]);
    const variants: Record<string, string>[] = [
      { "x-api-key": key },
      { authorization: `Bearer ${key}` },
    ];
    for (const headers of variants) {
      const reply = await server.anonymous.get("/api/external/api-keys", headers);
      expect(reply.status).toBe(200);
      expect(reply.body.api_keys).toHaveLength(1);
    }
  });

  test("an unknown key is 401 even with a malformed body", async () => {
    const reply = await server.anonymous.post("/api/external/api-keys", "{not json", {
      "x-api-key": "elk_nope",
    });
    expect(reply.status).toBe(401);
  });
});
