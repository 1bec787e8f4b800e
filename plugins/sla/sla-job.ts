import { type AppContext, EVERY_MINUTE, type JobDefinition } from "../../src/core";
import { committedSyncSeq, type DuePoint, emitDue } from "./emissions";
import { loadArmed, loadPolicies, type SlaPolicy, saveArmed, WorkClocks } from "./policies";
import { loadCalendars } from "./service";
import { eventSource } from "./sla-events";
import { changedPoints, sweepPoints, windowPoints } from "./sla-points";

interface SlaState {
  /** Rows with a higher sync_seq changed after the last run. */
  seq: number;
}

/**
 * sla.warning / sla.breach for deals and leads: per stage with sla_hours
 * (time in stage) and per pipeline with first_response_hours (lead creation
 * to first response). Each point at most once per clock (stage entry).
 */
export const slaJob = (ctx: AppContext): JobDefinition => {
  const clocks = new WorkClocks();
  return {
    name: "sla",
    cron: EVERY_MINUTE,
    async run({ now, since, state }) {
      // The primary: a replica's read after a primary's high-water mark could miss rows for good.
      const db = ctx.db.primaryRead;
      const toSeq = await committedSyncSeq(db);
      const fromSeq = (state as SlaState | null)?.seq ?? null;
      const policies = await loadPolicies(db, await loadCalendars(db), clocks);
      const armed = await loadArmed(db);
      const steady = new Map<string, SlaPolicy>();
      const fresh: SlaPolicy[] = [];
      for (const p of policies)
        if (since && armed.get(p.key) === p.signature) steady.set(p.key, p);
        else fresh.push(p);

      const at = now.getTime();
      // Array spreads, not push(...): a sweep may find far more points than a call takes arguments.
      const points: DuePoint[] = [
        ...(since ? await windowPoints(db, [...steady.values()], since.getTime(), at) : []),
        ...(await sweepPoints(db, fresh, at)),
        ...(since && fromSeq !== null ? await changedPoints(db, steady, fromSeq, toSeq, at) : []),
      ];

      const byKey = new Map(policies.map((p) => [p.key, p]));
      const emitted = await emitDue(ctx, points, eventSource(byKey, now), now);
      if (Object.keys(emitted).length) ctx.logger.info("sla events emitted", { events: emitted });
      const stale = [...armed.keys()].filter((key) => !byKey.has(key));
      if (fresh.length || stale.length) await ctx.write((tx) => saveArmed(tx, fresh, stale, now));
      return { state: { seq: toSeq } satisfies SlaState, events: emitted };
    },
  };
};
