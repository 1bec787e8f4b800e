/** One connection's presence in a topic: Phoenix Presence's `metas` entry. */
export interface Meta {
  phx_ref: string;
  online_at: number;
  type: "agent" | "customer";
  name: string | null;
  [field: string]: unknown;
}

type State = Record<string, { metas: Meta[] }>;

/**
 * Who is in each topic on this instance, in Phoenix Presence's shapes:
 * `presence_state` ({key: {metas}}) for a joiner, `presence_diff`
 * ({joins, leaves}) for everyone when someone comes or goes. A person with
 * two tabs is one key with two metas.
 */
export class PresenceTracker {
  private readonly topics = new Map<string, Map<string, Meta[]>>();

  state(topic: string): State {
    const byKey = this.topics.get(topic);
    const state: State = {};
    if (byKey) for (const [key, metas] of byKey) state[key] = { metas };
    return state;
  }

  /** Adds a meta; returns the diff to broadcast. */
  track(topic: string, key: string, meta: Meta) {
    let byKey = this.topics.get(topic);
    if (!byKey) {
      byKey = new Map();
      this.topics.set(topic, byKey);
    }
    byKey.set(key, [...(byKey.get(key) ?? []), meta]);
    return { joins: { [key]: { metas: [meta] } }, leaves: {} };
  }

  /** Removes a meta; returns the diff to broadcast. */
  untrack(topic: string, key: string, ref: string) {
    const byKey = this.topics.get(topic);
    const metas = byKey?.get(key) ?? [];
    const gone = metas.filter((m) => m.phx_ref === ref);
    const left = metas.filter((m) => m.phx_ref !== ref);
    if (left.length) byKey?.set(key, left);
    else byKey?.delete(key);
    if (byKey?.size === 0) this.topics.delete(topic);
    return { joins: {}, leaves: { [key]: { metas: gone } } };
  }
}
