import { Elysia } from "elysia";
import {
  type AppContext,
  authMacros,
  ErrorBody,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  parseTime,
  pruneDeliveries,
  pruneOutbox,
  registerEntityTypes,
  WebhookDispatcher,
} from "../../src/core";
import {
  CreateWebhook,
  Delivery,
  DeliveryListQuery,
  DeliveryParams,
  ReplayQuery,
  ReplayResult,
  TestResult,
  UpdateWebhook,
  Webhook,
  WebhookDetail,
  WebhookListQuery,
  WebhookWithSecret,
} from "./model";
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  replay,
  rotateSecret,
  updateWebhook,
  webhookDetail,
} from "./service";

const tags = ["webhooks"];
registerEntityTypes(["webhook"]);
const withConflict = { ...errorResponses, 409: ErrorBody };

/**
 * Starts delivery with the API: the dispatcher (src/webhooks) runs as a
 * background worker and the delivery log is pruned hourly. Both start with
 * the server when workers are on; tests reach the dispatcher through
 * ctx.workers to drive it step by step.
 */
function startDelivery(ctx: AppContext): WebhookDispatcher {
  const dispatcher = new WebhookDispatcher(ctx);
  ctx.workers.push(dispatcher);
  ctx.scheduler.register({
    name: "webhook_prune",
    cron: "0 * * * *",
    run: async ({ now }) => {
      const retention = ctx.config.webhookRetentionDays;
      const deleted = await pruneDeliveries(ctx.db, now, retention);
      const events = await pruneOutbox(ctx.db, now, retention);
      if (deleted || events)
        ctx.logger.info("delivery log pruned", { deliveries: deleted, events });
      return undefined;
    },
  });
  return dispatcher;
}

/** Push API (seed 001): webhook registration, delivery log, test, redelivery, replay, rotation. */
export const webhooksPlugin = (ctx: AppContext) => {
  const dispatcher = startDelivery(ctx);
  return new Elysia({ name: "crmd.webhooks" })
    .use(authMacros)
    .post(
      "/webhooks",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createWebhook(ctx, tenantId, actor, body);
      },
      {
        scope: "webhooks:manage",
        body: CreateWebhook,
        response: { 201: WebhookWithSecret, ...errorResponses },
        detail: {
          summary: "Register a webhook (the signing secret is shown only once)",
          description:
            "Each delivery is a POST of the event's JSON (its shape per type: the document's `webhooks` section), signed with `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` and the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`). At least once: a failed delivery is retried with backoff (by default after 1 min, 5 min, 15 min, 1 h, 6 h), at most 1000 deliveries an hour per webhook (the excess waits), and a webhook that keeps failing is disabled (`disabled_reason`) until `is_active: true` is sent again. A URL naming a private, loopback or link-local address is 422 (a host name resolving to one fails at delivery) unless the operator allows them (CRMD_WEBHOOK_ALLOW_PRIVATE).",
          tags,
        },
      },
    )
    .get(
      "/webhooks",
      async ({ query, tenantId }) => {
        return listJson(
          "webhooks",
          await listWebhooks(ctx, tenantId, query.page ?? 1, query.page_size ?? 50),
        );
      },
      {
        scope: "webhooks:manage",
        query: WebhookListQuery,
        response: { 200: listResponse("webhooks", Webhook), ...errorResponses },
        detail: { summary: "List webhooks", tags },
      },
    )
    .get("/webhooks/:id", async ({ params, tenantId }) => webhookDetail(ctx, tenantId, params.id), {
      scope: "webhooks:manage",
      params: IdParams,
      response: { 200: WebhookDetail, ...errorResponses },
      detail: { summary: "Get a webhook with its most recent deliveries", tags },
    })
    .put(
      "/webhooks/:id",
      async ({ params, body, tenantId, actor }) =>
        updateWebhook(ctx, tenantId, actor, params.id, body),
      {
        scope: "webhooks:manage",
        params: IdParams,
        body: UpdateWebhook,
        response: { 200: Webhook, ...errorResponses },
        detail: {
          summary: "Update a webhook (omitted fields are kept)",
          description:
            "`is_active: true` re-enables a webhook crmd disabled after repeated failures (its `disabled_reason` is cleared). A header value sent as `********` keeps its stored value.",
          tags,
        },
      },
    )
    .delete(
      "/webhooks/:id",
      async ({ params, tenantId, actor }) => deleteWebhook(ctx, tenantId, actor, params.id),
      {
        scope: "webhooks:manage",
        params: IdParams,
        response: { 200: Webhook, ...errorResponses },
        detail: { summary: "Delete a webhook and its delivery log", tags },
      },
    )
    .post(
      "/webhooks/test/:id",
      async ({ params, tenantId }) => {
        const hook = await findWebhook(ctx.db.read, tenantId, params.id);
        return dispatcher.sendTest(hook, ({ deliveryId, eventId, outcome }) => ({
          success: outcome.ok,
          status_code: outcome.statusCode,
          duration_ms: outcome.durationMs,
          error: outcome.error,
          delivery_id: deliveryId,
          event_id: eventId,
        }));
      },
      {
        scope: "webhooks:manage",
        params: IdParams,
        response: { 200: TestResult, ...errorResponses },
        detail: {
          operationId: "testWebhook",
          summary: "Send a webhook.test event now and report the receiver's answer",
          description:
            "One attempt, signed as any delivery, also to an inactive webhook, and not retried; it shows in the delivery log. The answer says whether the receiver took it (2xx), with its status code and the time taken, or the error.",
          tags,
        },
      },
    )
    .get(
      "/webhooks/:id/deliveries",
      async ({ params, query, tenantId }) => {
        return listJson("deliveries", await listDeliveries(ctx, tenantId, params.id, query));
      },
      {
        scope: "webhooks:manage",
        params: IdParams,
        query: DeliveryListQuery,
        response: { 200: listResponse("deliveries", Delivery), ...errorResponses },
        detail: { summary: "The webhook's delivery log, newest first, with every attempt", tags },
      },
    )
    .post(
      "/webhooks/:id/deliveries/:delivery_id/redeliver",
      async ({ params, tenantId, set }) => {
        set.status = 202;
        return redeliver(ctx, tenantId, params.id, params.delivery_id);
      },
      {
        scope: "webhooks:manage",
        params: DeliveryParams,
        response: { 202: Delivery, ...withConflict },
        detail: {
          summary: "Send a delivery again (queued now, fresh retry schedule)",
          description:
            "The same event (same `id`, so a receiver can de-duplicate), signed anew when sent. 409 while the webhook is inactive.",
          tags,
        },
      },
    )
    .post(
      "/webhooks/:id/replay",
      async ({ params, query, tenantId, set }) => {
        const since = parseTime(query.since, "/since");
        set.status = 202;
        return replay(ctx, tenantId, params.id, since);
      },
      {
        scope: "webhooks:manage",
        params: IdParams,
        query: ReplayQuery,
        response: { 202: ReplayResult, ...withConflict },
        detail: {
          summary: "Send again every failed delivery created since a time",
          description: "Failed test sends (webhook.test) are not replayed: send another test.",
          tags,
        },
      },
    )
    .post(
      "/webhooks/:id/rotate-secret",
      async ({ params, tenantId, actor }) => rotateSecret(ctx, tenantId, actor, params.id),
      {
        scope: "webhooks:manage",
        params: IdParams,
        response: { 200: WebhookWithSecret, ...errorResponses },
        detail: {
          summary:
            "Replace the signing secret (shown once); for 24 h deliveries are signed with both",
          description:
            "During the overlap `X-Webhook-Signature` carries the new secret's signature and `webhook-signature` both (`v1,<new> v1,<old>`), so receivers can switch at their own pace; `previous_secret_expires_at` says when the old one stops.",
          tags,
        },
      },
    );
};
