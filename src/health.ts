import type { TSchema } from "@sinclair/typebox";
import { Elysia, t } from "elysia";
import { migrationsApplied } from "../db/migrate";
import type { AppContext } from "./context";

const Readiness = t.Object({ status: t.String(), database: t.Boolean() });

/**
 * A probe's answer in the OpenAPI document only: probes answer fixed shapes
 * built right here, and a response validator is compiled on the first
 * request, which after a start is the readiness probe (~4 ms of a cold start).
 */
const documented = (description: string, schema: TSchema) => ({
  description,
  content: { "application/json": { schema } },
});

/** Liveness and readiness probes, outside the authenticated API. */
export const health = (ctx: AppContext) =>
  new Elysia({ name: "crmd.health" })
    .get("/healthz", () => ({ status: "ok" }), {
      detail: {
        tags: ["health"],
        summary: "Process is up",
        description:
          "For a liveness probe: 200 as long as the process answers HTTP; it touches no database.",
        responses: { 200: documented("Up", t.Object({ status: t.String() })) },
      },
    })
    .get(
      "/readyz",
      async ({ set }) => {
        const ready = await migrationsApplied(ctx.db).catch(() => false);
        if (!ready) set.status = 503;
        return { status: ready ? "ready" : "unavailable", database: ready };
      },
      {
        detail: {
          tags: ["health"],
          summary: "Database reachable and migrations applied",
          description:
            "For a readiness probe: 503 (`database: false`) while the database is unreachable or migrations are pending; take the instance out of rotation until it answers 200 again.",
          responses: {
            200: documented("Ready", Readiness),
            503: documented("Database unreachable or migrations pending", Readiness),
          },
        },
      },
    );
