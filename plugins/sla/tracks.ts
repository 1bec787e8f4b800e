import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { deals, leads } from "../../db/schema";
import type { ReadDb } from "../../src/core";
import type { SlaPolicy } from "./policies";

/** Lead statuses on which a stage clock runs (disqualified and converted leads are done). */
export const ACTIVE_LEAD_STATUSES = ["new", "contacted", "qualified"];

type DealFields = Pick<
  typeof deals.$inferSelect,
  "id" | "tenantId" | "status" | "stageId" | "stageEnteredAt" | "deletedAt"
>;
type LeadFields = Pick<
  typeof leads.$inferSelect,
  | "id"
  | "tenantId"
  | "status"
  | "pipelineId"
  | "stageId"
  | "stageEnteredAt"
  | "createdAt"
  | "firstRespondedAt"
  | "deletedAt"
>;

/** A record whose clock runs, when that clock started, and the stage or pipeline whose policy it is. */
export interface Started {
  id: string;
  tenantId: string;
  anchor: Date;
  owner: string;
}

/**
 * Where one kind of SLA clock runs: on which records (in SQL for the indexed
 * window queries, in code for rows read otherwise) and from which instant.
 * The two forms say the same thing; keep them side by side.
 */
export interface Track<Row> {
  entityType: "deal" | "lead";
  kind: SlaPolicy["kind"];
  /** Key of the policy whose clock runs on `row`, or null when none does. */
  policyKey(row: Row): string | null;
  /** When the clock on `row` started. */
  anchor(row: Row): Date;
  /** The stage or pipeline a policy of this kind belongs to. */
  owner(p: SlaPolicy): string;
  /**
   * Records under the policies of `owners` (stages or pipelines) with the
   * clock running and started in (after, upTo]; after null: any time up to upTo.
   */
  started(db: ReadDb, owners: string[], after: number | null, upTo: number): Promise<Started[]>;
}

const range = (column: SQLiteColumn, after: number | null, upTo: number) =>
  and(after === null ? undefined : gt(column, new Date(after)), lte(column, new Date(upTo)));

export const dealStageTrack: Track<DealFields> = {
  entityType: "deal",
  kind: "stage_sla",
  policyKey: (row) => (row.status === "open" && !row.deletedAt ? `stage:${row.stageId}` : null),
  anchor: (row) => row.stageEnteredAt,
  owner: (p) => p.stageId as string,
  started: (db, owners, after, upTo) =>
    db
      .select({
        id: deals.id,
        tenantId: deals.tenantId,
        anchor: deals.stageEnteredAt,
        owner: deals.stageId,
      })
      .from(deals)
      .where(
        and(
          inArray(deals.stageId, owners),
          range(deals.stageEnteredAt, after, upTo),
          eq(deals.status, "open"),
          isNull(deals.deletedAt),
        ),
      ),
};

export const leadStageTrack: Track<LeadFields> = {
  entityType: "lead",
  kind: "stage_sla",
  policyKey: (row) =>
    ACTIVE_LEAD_STATUSES.includes(row.status) && !row.deletedAt && row.stageId && row.stageEnteredAt
      ? `stage:${row.stageId}`
      : null,
  anchor: (row) => row.stageEnteredAt as Date,
  owner: (p) => p.stageId as string,
  started: async (db, owners, after, upTo) =>
    (await db
      .select({
        id: leads.id,
        tenantId: leads.tenantId,
        anchor: leads.stageEnteredAt,
        owner: leads.stageId,
      })
      .from(leads)
      .where(
        and(
          inArray(leads.stageId, owners),
          range(leads.stageEnteredAt, after, upTo),
          inArray(leads.status, ACTIVE_LEAD_STATUSES),
          isNull(leads.deletedAt),
        ),
      )) as Started[],
};

/** First response: from creation until the lead leaves status new (first_responded_at set). */
export const leadFirstResponseTrack: Track<LeadFields> = {
  entityType: "lead",
  kind: "first_response",
  policyKey: (row) =>
    row.status === "new" && !row.firstRespondedAt && !row.deletedAt && row.pipelineId
      ? `first_response:${row.pipelineId}`
      : null,
  anchor: (row) => row.createdAt,
  owner: (p) => p.pipelineId,
  started: async (db, owners, after, upTo) =>
    (await db
      .select({
        id: leads.id,
        tenantId: leads.tenantId,
        anchor: leads.createdAt,
        owner: leads.pipelineId,
      })
      .from(leads)
      .where(
        and(
          inArray(leads.pipelineId, owners),
          range(leads.createdAt, after, upTo),
          eq(leads.status, "new"),
          isNull(leads.firstRespondedAt),
          isNull(leads.deletedAt),
        ),
      )) as Started[],
};

export const TRACKS = {
  stage_sla: [dealStageTrack, leadStageTrack],
  first_response: [leadFirstResponseTrack],
} as const;

/** Columns the tracks read from rows changed since the last tick. */
export const dealFields = {
  id: deals.id,
  tenantId: deals.tenantId,
  status: deals.status,
  stageId: deals.stageId,
  stageEnteredAt: deals.stageEnteredAt,
  deletedAt: deals.deletedAt,
  syncSeq: deals.syncSeq,
};
export const leadFields = {
  id: leads.id,
  tenantId: leads.tenantId,
  status: leads.status,
  pipelineId: leads.pipelineId,
  stageId: leads.stageId,
  stageEnteredAt: leads.stageEnteredAt,
  createdAt: leads.createdAt,
  firstRespondedAt: leads.firstRespondedAt,
  deletedAt: leads.deletedAt,
  syncSeq: leads.syncSeq,
};
