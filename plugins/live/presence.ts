/** One connection's presence in a topic: Phoenix Presence's `metas` entry. */
export interface Meta {
  phx_ref: string;
  online_at: number;
  type: "agent" | "customer";
  name: string | null;
  [field: string]: unknown;
}

type State = Record<string, { metas: Meta[] }>;

/** A key and meta as one audience sees them. */
export interface Shown {
  key: string;
  meta: Meta;
}

/**
 * One connection's presence: as the team sees it, and as visitors see it
 * (an agent's key and name may be internal, see joinConversation). Both
 * metas carry the same phx_ref.
 */
export interface Presence {
  team: Shown;
  visitor: Shown;
}

export type Audience = keyof Presence;

interface Diff {
  joins: State;
  leaves: State;
}

/**
 * Who is in each topic on this instance, in Phoenix Presence's shapes:
 * `presence_state` ({key: {metas}}) for a joiner, `presence_diff`
 * ({joins, leaves}) for everyone when someone comes or goes. A person with
 * two tabs is one key with two metas; so are, for visitors, two agents
 * shown under the same neutral name.
 */
export class PresenceTracker {
  private readonly topics = new Map<string, Presence[]>();

  state(topic: string, audience: Audience): State {
    const state: State = {};
    for (const presence of this.topics.get(topic) ?? []) {
      const { key, meta } = presence[audience];
      state[key] = { metas: [...(state[key]?.metas ?? []), meta] };
    }
    return state;
  }

  /** Adds a presence; returns the diff to broadcast to each audience. */
  track(topic: string, presence: Presence): Record<Audience, Diff> {
    this.topics.set(topic, [...(this.topics.get(topic) ?? []), presence]);
    return diffs(presence, "joins");
  }

  /** Removes a presence (the object track was given); returns the diff to broadcast to each audience. */
  untrack(topic: string, presence: Presence): Record<Audience, Diff> {
    const present = this.topics.get(topic) ?? [];
    // By identity: phx_refs are unique per connection only.
    const left = present.filter((p) => p !== presence);
    if (left.length) this.topics.set(topic, left);
    else this.topics.delete(topic);
    // One never tracked (its join reply not sent yet) leaves nothing.
    return left.length < present.length ? diffs(presence, "leaves") : none;
  }
}

const none: Record<Audience, Diff> = {
  team: { joins: {}, leaves: {} },
  visitor: { joins: {}, leaves: {} },
};

function diffs(presence: Presence, side: keyof Diff): Record<Audience, Diff> {
  const diff = ({ key, meta }: Shown): Diff => {
    const entry = { [key]: { metas: [meta] } };
    return side === "joins" ? { joins: entry, leaves: {} } : { joins: {}, leaves: entry };
  };
  return { team: diff(presence.team), visitor: diff(presence.visitor) };
}
