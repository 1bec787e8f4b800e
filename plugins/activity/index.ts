import { Elysia } from "elysia";
import { type AppContext, authMacros, errorResponses, listJson } from "../../src/core";
import { ActivityList, ActivityListQuery } from "./model";
import { listActivity } from "./service";

/** The activity log: every change, who made it and its field-level diff. Read-only. */
export const activityPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.activity" }).use(authMacros).get(
    "/activity",
    async ({ query, tenantId, scopes }) => {
      return listJson("activity", await listActivity(ctx, tenantId, scopes, query));
    },
    {
      scope: "activity:read",
      query: ActivityListQuery,
      response: { 200: ActivityList, ...errorResponses },
      detail: {
        summary:
          "List the activity log (seed 001: entity_type, entity_id, since; plus action, cursor)",
        description:
          "Append-only. Newest first; with `since` (written at or after) or `cursor`, oldest first in commit order. A key sees the changes of the records it may read (deals:read for deals, and so on; links need every type; webhooks and SLA need webhooks:manage): the others are left out, and an entity_type it may not read is 403.",
        tags: ["activity"],
      },
    },
  );
