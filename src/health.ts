import { Elysia, t } from "elysia";
import { migrationsApplied } from "../db/migrate";
import type { AppContext } from "./context";

/** Liveness and readiness probes, outside the authenticated API. */
export const health = (ctx: AppContext) =>
  new Elysia({ name: "crmd.health" })
    .get("/healthz", () => ({ status: "ok" }), {
      detail: { tags: ["health"], summary: "Process is up" },
      response: t.Object({ status: t.String() }),
    })
    .get(
      "/readyz",
      async ({ set }) => {
        const ready = await migrationsApplied(ctx.db).catch(() => false);
        if (!ready) set.status = 503;
        return { status: ready ? "ready" : "unavailable", database: ready };
      },
      {
        detail: { tags: ["health"], summary: "Database reachable and migrations applied" },
        response: {
          200: t.Object({ status: t.String(), database: t.Boolean() }),
          503: t.Object({ status: t.String(), database: t.Boolean() }),
        },
      },
    );
