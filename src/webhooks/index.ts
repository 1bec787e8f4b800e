/**
 * Webhook delivery (core): the dispatcher worker, signing, SSRF checks and
 * subscription matching. The webhooks plugin owns the HTTP API and starts
 * the dispatcher (see plugins/webhooks/index.ts).
 */

export { retiringSecrets } from "./claims";
export { type TestDeliveryResult, WebhookDispatcher } from "./dispatcher";
export { fanOutBeforeDeactivation } from "./fanout";
export { pruneDeliveries, pruneOutbox } from "./prune";
export { generateWebhookSecret, SECRET_PREFIX } from "./signing";
export { classifyAddress, isLocalHostname } from "./ssrf";
export { isReservedHeader, isValidSubscription, matchesSubscription } from "./subscriptions";
