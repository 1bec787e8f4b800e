import { and, eq, gt, isNull } from "drizzle-orm";
import { pipelines, slaArmedPolicies, stages } from "../../db/schema";
import {
  businessClock,
  type Calendar,
  type ReadDb,
  type WorkClock,
  type WriteTx,
  wallClock,
} from "../../src/core";

export const HOUR_MS = 3_600_000;
/** Warning point of a first-response clock, and of stages that set no other. */
export const DEFAULT_WARNING_PCT = 80;

/** One SLA clock definition: a stage's time-in-stage target, or a pipeline's first-response target. */
export interface SlaPolicy {
  /** stage:<stage id> | first_response:<pipeline id> */
  key: string;
  kind: "stage_sla" | "first_response";
  tenantId: string;
  pipelineId: string;
  /** The stage of a stage_sla policy; null for first_response. */
  stageId: string | null;
  targetMs: number;
  /** Time from the clock's start to its warning point. */
  warningMs: number;
  clock: WorkClock;
  /** Fingerprint of the tenant's business-hours calendar; "" when the clock counts all the time. */
  calendar: string;
  businessHours: boolean;
  /** Changes whenever the policy or its calendar does: the policy is then re-armed. */
  signature: string;
}

/**
 * Time to the warning point: `warn_before_minutes` before the target when
 * set, else `warning_pct` of it; never before the clock starts or after the target.
 */
export function warningOffset(targetMs: number, pct: number, warnBeforeMinutes: number | null) {
  const offset =
    warnBeforeMinutes === null
      ? Math.round((targetMs * pct) / 100)
      : targetMs - warnBeforeMinutes * 60_000;
  return Math.min(Math.max(offset, 0), targetMs);
}

/** Work clocks by calendar, kept across ticks so their per-day windows stay cached. */
export class WorkClocks {
  private byCalendar = new Map<string, WorkClock>();

  /** The clock of a calendar (all the time without one) and the calendar's fingerprint ("" without). */
  of(calendar: Calendar | undefined): { clock: WorkClock; fingerprint: string } {
    if (!calendar) return { clock: wallClock, fingerprint: "" };
    const fingerprint = JSON.stringify(calendar);
    let clock = this.byCalendar.get(fingerprint);
    if (!clock) {
      if (this.byCalendar.size > 1000) this.byCalendar.clear();
      clock = businessClock(calendar);
      this.byCalendar.set(fingerprint, clock);
    }
    return { clock, fingerprint };
  }
}

type PolicyFields = Omit<SlaPolicy, "clock" | "calendar" | "businessHours" | "signature">;

/** Every active SLA policy: open stages with sla_hours, pipelines with first_response_hours. */
export async function loadPolicies(
  db: ReadDb,
  calendars: Map<string, Calendar>,
  clocks: WorkClocks,
): Promise<SlaPolicy[]> {
  const policy = (fields: PolicyFields): SlaPolicy => {
    const { clock, fingerprint } = clocks.of(calendars.get(fields.tenantId));
    const signature = JSON.stringify([fields.targetMs, fields.warningMs, fingerprint]);
    return {
      ...fields,
      clock,
      calendar: fingerprint,
      businessHours: fingerprint !== "",
      signature,
    };
  };
  const stageRows = await db
    .select({
      id: stages.id,
      tenantId: stages.tenantId,
      pipelineId: stages.pipelineId,
      slaHours: stages.slaHours,
      slaWarningPct: stages.slaWarningPct,
      warnBeforeMinutes: stages.warnBeforeMinutes,
    })
    .from(stages)
    .innerJoin(pipelines, eq(pipelines.id, stages.pipelineId))
    .where(and(gt(stages.slaHours, 0), eq(stages.kind, "open"), isNull(pipelines.deletedAt)));
  const pipelineRows = await db
    .select({
      id: pipelines.id,
      tenantId: pipelines.tenantId,
      firstResponseHours: pipelines.firstResponseHours,
    })
    .from(pipelines)
    .where(and(gt(pipelines.firstResponseHours, 0), isNull(pipelines.deletedAt)));
  return [
    ...stageRows.map((s) => {
      const targetMs = Math.round((s.slaHours as number) * HOUR_MS);
      return policy({
        key: `stage:${s.id}`,
        kind: "stage_sla",
        tenantId: s.tenantId,
        pipelineId: s.pipelineId,
        stageId: s.id,
        targetMs,
        warningMs: warningOffset(targetMs, s.slaWarningPct, s.warnBeforeMinutes),
      });
    }),
    ...pipelineRows.map((p) => {
      const targetMs = Math.round((p.firstResponseHours as number) * HOUR_MS);
      return policy({
        key: `first_response:${p.id}`,
        kind: "first_response",
        tenantId: p.tenantId,
        pipelineId: p.id,
        stageId: null,
        targetMs,
        warningMs: warningOffset(targetMs, DEFAULT_WARNING_PCT, null),
      });
    }),
  ];
}

/** Signatures of the policies armed so far, by policy key. */
export async function loadArmed(db: ReadDb): Promise<Map<string, string>> {
  const rows = await db.select().from(slaArmedPolicies);
  return new Map(rows.map((r) => [r.policyKey, r.signature]));
}

/** Records the policies just armed and forgets those that no longer exist. */
export async function saveArmed(
  tx: WriteTx,
  armed: SlaPolicy[],
  stale: string[],
  now: Date,
): Promise<void> {
  for (const p of armed)
    await tx
      .insert(slaArmedPolicies)
      .values({ policyKey: p.key, signature: p.signature, armedAt: now })
      .onConflictDoUpdate({
        target: slaArmedPolicies.policyKey,
        set: { signature: p.signature, armedAt: now },
      });
  for (const key of stale)
    await tx.delete(slaArmedPolicies).where(eq(slaArmedPolicies.policyKey, key));
}
