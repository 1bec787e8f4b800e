import { isIP } from "node:net";
import { parseRetryAfter } from "./retry";
import { type SigningKeys, signatureHeaders } from "./signing";
import { RefusedAddressError, resolveTarget } from "./ssrf";
import { isReservedHeader } from "./subscriptions";

/** What one attempt sends. */
export interface OutgoingDelivery {
  url: string;
  customHeaders: Record<string, string>;
  body: string;
  eventId: string;
  eventType: string;
  keys: SigningKeys;
  /** W3C traceparent of this attempt's span, sent so the receiver can continue the trace. */
  traceParent?: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** The attempt's time (app clock): signed into the timestamp headers. */
  at: Date;
}

/** How one attempt ended. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** Seconds from Retry-After on a 429 or 503. */
  retryAfterSeconds: number | null;
}

const USER_AGENT = "crmd-webhooks/1";

/**
 * The URL to connect to: the checked address in place of the host name, so
 * a DNS answer that changes between check and connect (rebinding) cannot
 * redirect the request. Host header and TLS server name keep the real name.
 */
function pinnedUrl(url: URL, address: string): string {
  const pinned = new URL(url.href);
  pinned.hostname = isIP(address) === 6 ? `[${address}]` : address;
  return pinned.href;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof RefusedAddressError) return error.message;
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") return `timeout after ${timeoutMs} ms`;
  return (error as Error)?.message?.slice(0, 500) || String(error);
}

function statusError(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return `HTTP ${status} (redirects are not followed)`;
  return `HTTP ${status}`;
}

/**
 * The webhook's own headers, without names crmd sets: registration refuses
 * them, but a webhook stored before a name was reserved may still carry one.
 */
const customHeaders = (delivery: OutgoingDelivery) =>
  Object.fromEntries(
    Object.entries(delivery.customHeaders).filter(([name]) => !isReservedHeader(name)),
  );

/**
 * Makes one HTTP attempt: resolve and check the host, POST the signed body
 * to the checked address, follow no redirect, stop at the timeout (which
 * covers DNS, connect, headers). Never throws: failures are outcomes.
 */
export async function sendAttempt(
  delivery: OutgoingDelivery,
  options: SendOptions,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const url = new URL(delivery.url);
    const [address] = await abortable(resolveTarget(url.hostname, options.allowPrivate), signal);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const response = await fetch(pinnedUrl(url, address), {
      method: "POST",
      body: delivery.body,
      headers: {
        ...customHeaders(delivery),
        host: url.host,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        ...signatureHeaders(
          delivery.keys,
          delivery.eventId,
          delivery.eventType,
          options.at,
          delivery.body,
        ),
        ...(delivery.traceParent ? { traceparent: delivery.traceParent } : {}),
      },
      redirect: "manual",
      signal,
      tls: url.protocol === "https:" && !isIP(host) ? { serverName: host } : undefined,
    });
    await response.body?.cancel().catch(() => {});
    const status = response.status;
    return {
      ok: status >= 200 && status < 300,
      statusCode: status,
      durationMs: elapsed(),
      error: statusError(status),
      retryAfterSeconds:
        status === 429 || status === 503
          ? parseRetryAfter(response.headers.get("retry-after"), options.at)
          : null,
    };
  } catch (error) {
    return {
      ok: false,
      statusCode: null,
      durationMs: elapsed(),
      error: describeError(error, options.timeoutMs),
      retryAfterSeconds: null,
    };
  }
}
