import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import { deals, leads, stages } from "../../db/schema";
import {
  type AppContext,
  EVERY_MINUTE,
  iso,
  type JobDefinition,
  type ReadDb,
} from "../../src/core";
import {
  committedSyncSeq,
  type DuePoint,
  type EventSource,
  emitDue,
  forEachChanged,
} from "./emissions";
import {
  HOUR_MS,
  loadArmed,
  loadPolicies,
  type SlaPolicy,
  saveArmed,
  WorkClocks,
} from "./policies";
import { loadCalendars } from "./service";
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
import { type DealRow, dealView, type LeadRow, leadView } from "./views";

interface SlaState {
  /** Rows with a higher sync_seq changed after the last run. */
  seq: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

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
async function windowPoints(db: ReadDb, policies: SlaPolicy[], since: number, now: number) {
  const points: DuePoint[] = [];
  for (const eventType of ["sla.warning", "sla.breach"] as const) {
    const offsetOf = (p: SlaPolicy) => (eventType === "sla.warning" ? p.warningMs : p.targetMs);
    for (const group of groupBy(policies, offsetOf)) {
      const { clock } = group[0];
      const after = clock.latestStart(since, offsetOf(group[0]));
      const upTo = clock.latestStart(now, offsetOf(group[0]));
      if (upTo <= after) continue;
      for (const { p, entityType, record } of await recordsOf(db, group, after, upTo))
        points.push(pointOf(p, entityType, record, eventType));
    }
  }
  return points;
}

/** New or changed policies: every record already past its warning point, once. */
async function sweepPoints(db: ReadDb, policies: SlaPolicy[], now: number) {
  const points: DuePoint[] = [];
  for (const group of groupBy(policies, (p) => p.warningMs)) {
    const upTo = group[0].clock.latestStart(now, group[0].warningMs);
    for (const { p, entityType, record } of await recordsOf(db, group, null, upTo)) {
      const point = latestPassed(p, entityType, record, now);
      if (point) points.push(point);
    }
  }
  return points;
}

/** Records written since the last run (created back-dated, moved, reopened) under armed policies. */
async function changedPoints(
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

type Entity =
  | { type: "deal"; row: DealRow; stage: string | null }
  | { type: "lead"; row: LeadRow; stage: string | null };

/** Reads the batch's deals and leads (with their stage names) and checks each point still applies. */
function eventSource(policies: Map<string, SlaPolicy>, now: Date): EventSource<Entity> {
  const trackOf = (point: DuePoint): Track<DealRow | LeadRow> =>
    (point.entityType === "deal"
      ? dealStageTrack
      : point.policy === "stage_sla"
        ? leadStageTrack
        : leadFirstResponseTrack) as Track<DealRow | LeadRow>;
  return {
    async load(tx, points) {
      const ids = (type: string) =>
        points.filter((p) => p.entityType === type).map((p) => p.entityId);
      const entities = new Map<string, Entity>();
      const dealIds = ids("deal");
      if (dealIds.length)
        for (const { row, stage } of await tx
          .select({ row: deals, stage: stages.name })
          .from(deals)
          .leftJoin(stages, eq(stages.id, deals.stageId))
          .where(inArray(deals.id, dealIds)))
          entities.set(row.id, { type: "deal", row, stage });
      const leadIds = ids("lead");
      if (leadIds.length)
        for (const { row, stage } of await tx
          .select({ row: leads, stage: stages.name })
          .from(leads)
          .leftJoin(stages, eq(stages.id, leads.stageId))
          .where(inArray(leads.id, leadIds)))
          entities.set(row.id, { type: "lead", row, stage });
      return entities;
    },
    event(point, entity) {
      const track = trackOf(point);
      const key = track.policyKey(entity.row);
      const p = key === null ? undefined : policies.get(key);
      if (!p || p.kind !== point.policy || track.anchor(entity.row).getTime() !== point.anchorAt)
        return null;
      if (p.kind === "stage_sla" && p.stageId !== point.stageId) return null;
      const data =
        entity.type === "deal"
          ? dealView(entity.row, entity.stage)
          : leadView(entity.row, entity.stage);
      return {
        data,
        metadata: {
          policy: p.kind,
          entity_type: entity.type,
          pipeline_id: p.pipelineId,
          stage_id: entity.row.stageId,
          stage: entity.stage,
          target_hours: round2(p.targetMs / HOUR_MS),
          elapsed_hours: round2(p.clock.between(point.anchorAt, now.getTime()) / HOUR_MS),
          started_at: iso(new Date(point.anchorAt)),
          warning_at: iso(new Date(p.clock.add(point.anchorAt, p.warningMs))),
          due_at: iso(new Date(p.clock.add(point.anchorAt, p.targetMs))),
          business_hours: p.businessHours,
        },
      };
    },
  };
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
      const db = ctx.db.read;
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
      if (emitted) ctx.logger.info("sla events emitted", { count: emitted });
      const stale = [...armed.keys()].filter((key) => !byKey.has(key));
      if (fresh.length || stale.length) await ctx.write((tx) => saveArmed(tx, fresh, stale, now));
      return { state: { seq: toSeq } satisfies SlaState };
    },
  };
};
