import { expect } from "bun:test";
import type { Api } from "./server";

/** POSTs `body` to `path` (under /api/external), expects 201, returns the created record. */
export async function created(api: Api, path: string, body: Record<string, unknown>) {
  const reply = await api.post(`/api/external${path}`, body);
  expect(reply.status).toBe(201);
  return reply.body;
}

/** Defines a custom object type `name`/`plural` whose one text field `title` is its primary field. */
export const defineObjectType = (api: Api, name: string, plural: string) =>
  created(api, "/object-types", {
    name,
    plural,
    label: plural,
    primary_field: "title",
    fields: [{ key: "title", label: "Title", type: "text" }],
  });

/** The exact seed 001 list envelope (plus next_cursor). */
export function expectEnvelope(body: any, resource: string) {
  expect(Object.keys(body).sort()).toEqual(
    [resource, "total", "page", "page_size", "has_more", "next_cursor"].sort(),
  );
  expect(Array.isArray(body[resource])).toBe(true);
}

/** A 422 whose first field error points at `path`. */
export function expect422(reply: { status: number; body: any }, path: string) {
  expect(reply.status).toBe(422);
  expect(reply.body.code).toBe("VALIDATION_ERROR");
  expect(reply.body.errors[0].path).toBe(path);
}
