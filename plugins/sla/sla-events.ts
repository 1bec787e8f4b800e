import { inArray } from "drizzle-orm";
import { deals, leads } from "../../db/schema";
import { iso } from "../../src/core";
import { type DealRow, dealView } from "../deals";
import { type LeadRow, leadView } from "../leads";
import { rowsWithStage } from "../pipelines";
import type { DuePoint, EventSource } from "./emissions";
import { HOUR_MS, type SlaPolicy } from "./policies";
import { dealStageTrack, leadFirstResponseTrack, leadStageTrack, type Track } from "./tracks";

const round2 = (n: number) => Math.round(n * 100) / 100;
/** An instant as ISO text; null for a point the calendar never reaches (Infinity). */
const instant = (ms: number) => (Number.isFinite(ms) ? iso(new Date(ms)) : null);

type Entity =
  | { type: "deal"; row: DealRow; stage: string | null }
  | { type: "lead"; row: LeadRow; stage: string | null };

/** Reads the batch's deals and leads (with their stage names) and checks each point still applies. */
export function eventSource(policies: Map<string, SlaPolicy>, now: Date): EventSource<Entity> {
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
        for (const { row, stage } of await rowsWithStage(tx, deals, inArray(deals.id, dealIds)))
          entities.set(row.id, { type: "deal", row, stage });
      const leadIds = ids("lead");
      if (leadIds.length)
        for (const { row, stage } of await rowsWithStage(tx, leads, inArray(leads.id, leadIds)))
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
          warning_at: instant(p.clock.add(point.anchorAt, p.warningMs)),
          due_at: instant(p.clock.add(point.anchorAt, p.targetMs)),
          business_hours: p.businessHours,
        },
      };
    },
  };
}
