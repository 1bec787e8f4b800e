/** Finding the SLA points that passed: window, sweep and changed-row queries. */
import { and, asc, gt, lte } from "drizzle-orm";
import { deals, leads } from "../../db/schema";
import type { ReadDb } from "../../src/core";
import { type DuePoint, forEachChanged } from "./emissions";
import type { SlaPolicy } from "./policies";
import {
  dealFields,
  dealStageTrack,
  leadFields,
  leadFirstResponseTrack,
  leadStageTrack,
  type Started,
  TRACKS,
  type Track,
} from "./tracks";

type Clocked = Pick<Started, "id" | "tenantId" | "anchor">;

function pointOf(
  p: SlaPolicy,
  entityType: "deal" | "lead",
  record: Clocked,
  eventType: "sla.warning" | "sla.breach",
): DuePoint {
  const anchorAt = record.anchor.getTime();
  const offset = eventType === "sla.warning" ? p.warningMs : p.targetMs;
  return {
    tenantId: record.tenantId,
    entityType,
    entityId: record.id,
    eventType,
    policy: p.kind,
    stageId: p.stageId ?? "",
    anchorAt,
    dueAt: p.clock.add(anchorAt, offset),
  };
}

/**
 * A record seen at one instant (a new policy's first sweep, a record written
 * since the last tick): the latest point it has passed, if any. A record
 * already past its target gets the breach alone, never a late warning first.
 */
function latestPassed(p: SlaPolicy, entityType: "deal" | "lead", record: Clocked, now: number) {
  const breach = pointOf(p, entityType, record, "sla.breach");
  if (breach.dueAt <= now) return breach;
  const warning = pointOf(p, entityType, record, "sla.warning");
  return warning.dueAt <= now ? warning : null;
}

/** Owners (stages, pipelines) per query: well under SQLite's bound-parameter limit. */
const OWNERS_PER_QUERY = 500;

/**
 * Policies whose clocks map a point to the same range of clock starts (same
 * kind, offset and calendar) share one query per track, however many stages
 * and tenants they span.
 */
function groupBy(policies: SlaPolicy[], offsetOf: (p: SlaPolicy) => number) {
  const groups = new Map<string, SlaPolicy[]>();
  for (const p of policies) {
    const key = `${p.kind}|${offsetOf(p)}|${p.calendar}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return groups.values();
}

/** Records under a group's policies whose clocks started in (after, upTo], with their policy. */
async function recordsOf(db: ReadDb, group: SlaPolicy[], after: number | null, upTo: number) {
  const found: Array<{ p: SlaPolicy; entityType: "deal" | "lead"; record: Started }> = [];
  for (const track of TRACKS[group[0].kind]) {
    const byOwner = new Map(group.map((p) => [track.owner(p), p]));
    const owners = [...byOwner.keys()];
    for (let i = 0; i < owners.length; i += OWNERS_PER_QUERY)
      for (const record of await track.started(
        db,
        owners.slice(i, i + OWNERS_PER_QUERY),
        after,
        upTo,
      ))
        found.push({
          p: byOwner.get(record.owner) as SlaPolicy,
          entityType: track.entityType,
          record,
        });
  }
  return found;
}

/** Points of armed policies that passed in (since, now]: indexed ranges of clock starts. */
export async function windowPoints(db: ReadDb, policies: SlaPolicy[], since: number, now: number) {
  const points: DuePoint[] = [];
  for (const eventType of ["sla.warning", "sla.breach"] as const) {
    const offsetOf = (p: SlaPolicy) => (eventType === "sla.warning" ? p.warningMs : p.targetMs);
    for (const group of groupBy(policies, offsetOf)) {
      const { clock } = group[0];
      const after = clock.latestStart(since, offsetOf(group[0]));
      const upTo = clock.latestStart(now, offsetOf(group[0]));
      // -Infinity: no clock start early enough (the point is out of the calendar's reach).
      if (upTo === Number.NEGATIVE_INFINITY || upTo <= after) continue;
      const from = after === Number.NEGATIVE_INFINITY ? null : after;
      for (const { p, entityType, record } of await recordsOf(db, group, from, upTo))
        points.push(pointOf(p, entityType, record, eventType));
    }
  }
  return points;
}

/** New or changed policies: every record already past its warning point, once. */
export async function sweepPoints(db: ReadDb, policies: SlaPolicy[], now: number) {
  const points: DuePoint[] = [];
  for (const group of groupBy(policies, (p) => p.warningMs)) {
    const upTo = group[0].clock.latestStart(now, group[0].warningMs);
    if (upTo === Number.NEGATIVE_INFINITY) continue;
    for (const { p, entityType, record } of await recordsOf(db, group, null, upTo)) {
      const point = latestPassed(p, entityType, record, now);
      if (point) points.push(point);
    }
  }
  return points;
}

/** Records written since the last run (created back-dated, moved, reopened) under armed policies. */
export async function changedPoints(
  db: ReadDb,
  policies: Map<string, SlaPolicy>,
  fromSeq: number,
  toSeq: number,
  now: number,
) {
  const points: DuePoint[] = [];
  const visit =
    <Row>(tracks: Track<Row>[]) =>
    (rows: Row[]) => {
      for (const row of rows)
        for (const track of tracks) {
          const key = track.policyKey(row);
          const p = key === null ? undefined : policies.get(key);
          if (!p) continue;
          const { id, tenantId } = row as { id: string; tenantId: string };
          const record = { id, tenantId, anchor: track.anchor(row) };
          const point = latestPassed(p, track.entityType, record, now);
          if (point) points.push(point);
        }
    };
  await forEachChanged(
    fromSeq,
    toSeq,
    (after, to, limit) =>
      db
        .select(dealFields)
        .from(deals)
        .where(and(gt(deals.syncSeq, after), lte(deals.syncSeq, to)))
        .orderBy(asc(deals.syncSeq))
        .limit(limit),
    visit([dealStageTrack]),
  );
  await forEachChanged(
    fromSeq,
    toSeq,
    (after, to, limit) =>
      db
        .select(leadFields)
        .from(leads)
        .where(and(gt(leads.syncSeq, after), lte(leads.syncSeq, to)))
        .orderBy(asc(leads.syncSeq))
        .limit(limit),
    visit([leadStageTrack, leadFirstResponseTrack]),
  );
  return points;
}
