import { timingSafeEqual } from "node:crypto";
import { Elysia } from "elysia";
import { countFailedAdminAttempt, presentedCredential, refuseLockedOutAddress } from "./auth";
import type { AppContext } from "./context";
import { unauthorized } from "./errors";
import { sha256Hex } from "./ids";
import { requestState } from "./request-state";

/** Constant-time comparison of a presented secret with a configured one. */
function sameSecret(presented: string, configured: string | undefined): boolean {
  if (!configured) return false;
  const digest = (value: string) => Buffer.from(sha256Hex(value), "hex");
  return timingSafeEqual(digest(presented), digest(configured));
}

/** GET /metrics in Prometheus text format, for the metrics token or the admin token. */
export const metricsRoute = (ctx: AppContext) =>
  new Elysia({ name: "crmd.metrics" }).get(
    "/metrics",
    async ({ request }) => {
      const { metricsToken, adminToken } = ctx.config;
      const presented = presentedCredential(request.headers) ?? "";
      // The metrics token is served even from an address locked out after wrong
      // tokens: a scraper behind the same address as a guesser keeps its scrapes.
      // It reads metrics only; the admin token, which writes, stays locked out.
      if (!sameSecret(presented, metricsToken)) {
        // Guesses at the admin token here are throttled as on the admin endpoints.
        const address = requestState(request)?.clientAddress() ?? "unknown";
        refuseLockedOutAddress(ctx, address);
        if (!sameSecret(presented, adminToken)) {
          if (presented) await countFailedAdminAttempt(ctx, address);
          throw unauthorized(
            "Send Authorization: Bearer with CRMD_METRICS_TOKEN or CRMD_ADMIN_TOKEN",
          );
        }
      }
      const { text, contentType } = await ctx.metrics.scrape();
      return new Response(text, { headers: { "content-type": contentType } });
    },
    {
      detail: {
        tags: ["operations"],
        summary:
          "Prometheus metrics: requests, rate limits, webhook delivery, backlogs, scheduler, database, memory",
        description:
          "For a Prometheus scrape job: `authorization: {credentials: <CRMD_METRICS_TOKEN>}`. Give scrapers the metrics token, which reads metrics only, rather than the admin token.",
        security: [{ MetricsToken: [] }, { AdminToken: [] }],
        responses: {
          200: {
            description: "Prometheus text exposition format 0.0.4",
            content: { "text/plain": { schema: { type: "string" } } },
          },
          401: {
            description: "Missing or wrong token",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          429: {
            description:
              "Too many wrong tokens from this client address; retry after Retry-After seconds (the metrics token is still served)",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
  );
