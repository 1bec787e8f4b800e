/**
 * Phoenix Channels' V2 JSON serializer: every frame is the array
 * `[join_ref, ref, topic, event, payload]` (Phoenix.Socket.V2.JSONSerializer).
 * Replies are `phx_reply` with `{status, response}`; broadcasts carry null
 * refs.
 */
export type Ref = string | null;

export interface Frame {
  joinRef: Ref;
  ref: Ref;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

/** The system topic of heartbeats; errors about frames that name no topic go there too. */
export const SYSTEM_TOPIC = "phoenix";

export const encode = (
  joinRef: Ref,
  ref: Ref,
  topic: string,
  event: string,
  payload: unknown,
): string => JSON.stringify([joinRef, ref, topic, event, payload]);

export const reply = (
  frame: Pick<Frame, "joinRef" | "ref" | "topic">,
  status: "ok" | "error",
  response: unknown = {},
) => encode(frame.joinRef, frame.ref, frame.topic, "phx_reply", { status, response });

export const broadcast = (topic: string, event: string, payload: unknown) =>
  encode(null, null, topic, event, payload);

const isRef = (value: unknown): value is Ref =>
  value === null || typeof value === "string" || typeof value === "number";

/**
 * Checks a text frame (a string, or the JSON Elysia already parsed); a frame that is not V2 JSON gives its refs and topic
 * as far as they can be read, so the error reply reaches the right push.
 */
export function parseFrame(
  message: unknown,
): { frame: Frame } | { error: string; partial: Pick<Frame, "joinRef" | "ref" | "topic"> } {
  let value = message;
  if (typeof message === "string")
    try {
      value = JSON.parse(message);
    } catch {
      return { error: "malformed frame: not JSON", partial: NO_TOPIC };
    }
  const partial = {
    joinRef: Array.isArray(value) && isRef(value[0]) ? toRef(value[0]) : null,
    ref: Array.isArray(value) && isRef(value[1]) ? toRef(value[1]) : null,
    topic: Array.isArray(value) && typeof value[2] === "string" ? value[2] : SYSTEM_TOPIC,
  };
  if (!Array.isArray(value) || value.length !== 5)
    return { error: "malformed frame: expected [join_ref, ref, topic, event, payload]", partial };
  const [joinRef, ref, topic, event, payload] = value;
  if (!isRef(joinRef) || !isRef(ref) || typeof topic !== "string" || typeof event !== "string")
    return { error: "malformed frame: refs, topic and event must be strings", partial };
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return { error: "malformed frame: payload must be an object", partial };
  return {
    frame: {
      joinRef: toRef(joinRef),
      ref: toRef(ref),
      topic,
      event,
      payload: payload as Record<string, unknown>,
    },
  };
}

const NO_TOPIC = { joinRef: null, ref: null, topic: SYSTEM_TOPIC };

const toRef = (value: Ref | number): Ref => (value === null ? null : String(value));
