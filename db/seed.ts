import type { Database as BunSqlite } from "bun:sqlite";
import { and, asc, eq, getTableColumns, getTableName, inArray, isNull } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";
import { deals, leads, partners, pipelines, stages, tasks } from "./schema";
import {
  DISQUALIFY_REASONS,
  domainOf,
  hashSeed,
  JOB_TITLES,
  LEAD_SOURCES,
  LOST_REASONS,
  OWNERS,
  PARTNER_SUFFIXES,
  Picker,
  PRODUCTS,
  seededRandom,
  TAGS,
  TASK_TEMPLATES,
} from "./seed-data";
import { reserveSyncSeq } from "./sequence";

/**
 * Fills a tenant with realistic sample data, fast: rows spread over the past
 * year, batched multi-row inserts, one transaction per batch, one counters
 * update per batch for its sync_seq range.
 *
 * Seeded rows get no activity rows and no events: a bulk seed is not a user
 * change (nobody made those deals), and a million deal.created webhooks would
 * flood every subscriber. Sync feeds still see the rows (they carry sync_seq).
 */

export interface SeedCounts {
  /** Pipelines to create when the tenant has none (default 2: qualification + sales). */
  pipelines?: number;
  deals: number;
  leads: number;
  tasks: number;
  partners?: number;
}

export interface SeedProgress {
  entity: "pipelines" | "partners" | "leads" | "deals" | "tasks";
  done: number;
  total: number;
}

export interface SeedOptions {
  /** The seed's "now" (default: the current time). */
  now?: Date;
  /** Random seed (default: derived from the tenant id), so a seed is reproducible. */
  seed?: number;
}

export type SeedResult = Required<SeedCounts>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** SQLite binds at most 32,766 parameters per statement. */
const MAX_PARAMS = 32_000;
const MAX_ROWS_PER_STATEMENT = 1000;
/** Fewer, larger commits: each one rewrites the right-hand pages of every index. */
const ROWS_PER_TRANSACTION = 10_000;

type Row = Record<string, unknown>;

export async function seedTenant(
  db: Database,
  tenantId: string,
  counts: SeedCounts,
  onProgress?: (progress: SeedProgress) => void,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const now = (options.now ?? new Date()).getTime();
  const pick = new Picker(seededRandom(options.seed ?? hashSeed(tenantId)));
  const writer = new BatchWriter(db);
  const ctx: Ctx = { tenantId, now, start: now - YEAR, pick, writer, onProgress };

  const created = await ensurePipelines(db, ctx, counts.pipelines ?? 2);
  const partnerIds = await seedPartners(ctx, counts.partners ?? 0);
  const leadIds = await seedRows(ctx, "leads", leads, counts.leads, (at) =>
    leadRow(ctx, created.pipelines, partnerIds, at),
  );
  const dealIds = await seedRows(ctx, "deals", deals, counts.deals, (at, i) =>
    dealRow(ctx, created.pipelines, partnerIds, at, i),
  );
  await seedRows(ctx, "tasks", tasks, counts.tasks, (at) => taskRow(ctx, dealIds, leadIds, at));
  return {
    pipelines: created.count,
    partners: partnerIds.length,
    leads: counts.leads,
    deals: counts.deals,
    tasks: counts.tasks,
  };
}

interface Ctx {
  tenantId: string;
  now: number;
  start: number;
  pick: Picker;
  writer: BatchWriter;
  onProgress?: (progress: SeedProgress) => void;
}

/**
 * Inserts `total` rows made by `make(createdAt, i)`, oldest first (ids are
 * UUID v7 of created_at, so indexes grow at their ends). Returns a sample of
 * up to 2,000 ids for links from later rows.
 */
async function seedRows(
  ctx: Ctx,
  entity: SeedProgress["entity"],
  table: SQLiteTable,
  total: number,
  make: (createdAt: number, i: number) => Row,
): Promise<string[]> {
  const sample: string[] = [];
  const span = ctx.now - ctx.start;
  for (let done = 0; done < total; ) {
    const rows: Row[] = [];
    for (const end = Math.min(total, done + ROWS_PER_TRANSACTION); done < end; done++) {
      const createdAt = Math.floor(ctx.start + ((done + ctx.pick.random()) * span) / total);
      const row: Row = { ...make(createdAt, done), tenantId: ctx.tenantId };
      rows.push(row);
      // reservoir sampling keeps an even sample whatever the total
      if (sample.length < 2000) sample.push(row.id as string);
      else if (ctx.pick.chance(2000 / (done + 1))) sample[ctx.pick.int(0, 1999)] = row.id as string;
    }
    await ctx.writer.insert(table, rows, true);
    // Full-text indexing as the rows arrive, a chunk a transaction (writes only queue it).
    await ctx.writer.db.dialect.catchUpSearchIndex(ctx.writer.db, ROWS_PER_TRANSACTION);
    ctx.onProgress?.({ entity, done, total });
  }
  return sample;
}

const uuidAt = (time: number) => Bun.randomUUIDv7("hex", time);

const lifecycle = (createdAt: number, ...changes: Array<number | null>) => ({
  createdAt: new Date(createdAt),
  updatedAt: new Date(Math.max(createdAt, ...changes.filter((t): t is number => t !== null))),
});

const dateOrNull = (time: number | null) => (time === null ? null : new Date(time));

// ---------------------------------------------------------------- pipelines

interface StageSet {
  pipelineId: string;
  open: string[];
  won: string | null;
  lost: string | null;
}

interface PipelineSet {
  qualification: StageSet | null;
  sales: StageSet[];
}

const QUALIFICATION_STAGES = [
  { name: "New", kind: "open", slaHours: 24, probability: 5 },
  { name: "Contacted", kind: "open", slaHours: 48, probability: 15 },
  { name: "Nurturing", kind: "open", slaHours: 168, probability: 25 },
  { name: "Qualified", kind: "won", slaHours: null, probability: 100 },
  { name: "Disqualified", kind: "lost", slaHours: null, probability: 0 },
];

const SALES_STAGES = [
  { name: "Discovery", kind: "open", slaHours: 72, probability: 10 },
  { name: "Demo", kind: "open", slaHours: 96, probability: 25 },
  { name: "Proposal", kind: "open", slaHours: 120, probability: 50 },
  { name: "Negotiation", kind: "open", slaHours: 168, probability: 75 },
  { name: "Closed won", kind: "won", slaHours: null, probability: 100 },
  { name: "Closed lost", kind: "lost", slaHours: null, probability: 0 },
];

const SALES_NAMES = ["Sales", "Enterprise sales", "Partner sales", "Renewals"];

/** The tenant's pipelines; creates a qualification and a sales pipeline when missing. */
async function ensurePipelines(db: Database, ctx: Ctx, wanted: number) {
  const existing = await loadPipelines(db, ctx.tenantId);
  const toCreate: Array<{ name: string; type: "qualification" | "sales" }> = [];
  const none = !existing.qualification && existing.sales.length === 0;
  if (!existing.qualification) toCreate.push({ name: "Lead qualification", type: "qualification" });
  const salesCount = none ? Math.max(1, wanted - 1) : existing.sales.length === 0 ? 1 : 0;
  for (let i = 0; i < salesCount; i++)
    toCreate.push({ name: SALES_NAMES[i] ?? `Sales ${i + 1}`, type: "sales" });
  if (toCreate.length === 0) return { pipelines: existing, count: 0 };

  const pipelineRows: Row[] = [];
  const stageRows: Row[] = [];
  for (const [index, spec] of toCreate.entries()) {
    const at = ctx.start - DAY + index; // before every seeded row, in creation order
    const pipelineId = uuidAt(at);
    const isFirstOfType = toCreate.findIndex((p) => p.type === spec.type) === index;
    pipelineRows.push({
      id: pipelineId,
      tenantId: ctx.tenantId,
      name: spec.name,
      pipelineType: spec.type,
      isDefault: isFirstOfType && (spec.type === "sales" ? existing.sales.length === 0 : true),
      firstResponseHours: spec.type === "qualification" ? 24 : null,
      ...lifecycle(at),
    });
    const specs = spec.type === "sales" ? SALES_STAGES : QUALIFICATION_STAGES;
    for (const [index, stage] of specs.entries())
      stageRows.push({
        id: uuidAt(at),
        tenantId: ctx.tenantId,
        pipelineId,
        // Positions count from 1, as the pipelines API numbers them.
        position: index + 1,
        slaWarningPct: 80,
        ...stage,
        ...lifecycle(at),
      });
  }
  await ctx.writer.insert(pipelines, pipelineRows, true);
  await ctx.writer.insert(stages, stageRows, false);
  ctx.onProgress?.({ entity: "pipelines", done: toCreate.length, total: toCreate.length });
  return { pipelines: await loadPipelines(db, ctx.tenantId), count: toCreate.length };
}

async function loadPipelines(db: Database, tenantId: string): Promise<PipelineSet> {
  const rows = await db.read
    .select({ id: pipelines.id, type: pipelines.pipelineType })
    .from(pipelines)
    .where(and(eq(pipelines.tenantId, tenantId), isNull(pipelines.deletedAt)))
    .orderBy(asc(pipelines.createdAt), asc(pipelines.id));
  const stageRows = rows.length
    ? await db.read
        .select({ id: stages.id, pipelineId: stages.pipelineId, kind: stages.kind })
        .from(stages)
        .where(
          inArray(
            stages.pipelineId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(stages.position))
    : [];
  const setOf = (pipelineId: string): StageSet => {
    const own = stageRows.filter((s) => s.pipelineId === pipelineId);
    return {
      pipelineId,
      open: own.filter((s) => s.kind === "open").map((s) => s.id),
      won: own.find((s) => s.kind === "won")?.id ?? null,
      lost: own.find((s) => s.kind === "lost")?.id ?? null,
    };
  };
  const withStages = rows.filter((r) => stageRows.some((s) => s.pipelineId === r.id));
  const qualification = withStages.find((r) => r.type === "qualification");
  return {
    qualification: qualification ? setOf(qualification.id) : null,
    sales: withStages.filter((r) => r.type === "sales").map((r) => setOf(r.id)),
  };
}

/** The stage for a status: open stages early-weighted, won/lost to their terminal stage. */
function stageFor(pick: Picker, set: StageSet, outcome: "open" | "won" | "lost"): string {
  const terminal = outcome === "won" ? set.won : outcome === "lost" ? set.lost : null;
  if (terminal) return terminal;
  const open = set.open.length ? set.open : [set.won ?? set.lost ?? ""];
  const skew = pick.random() ** 1.6; // more deals in early stages
  return open[Math.min(open.length - 1, Math.floor(skew * open.length))];
}

// ---------------------------------------------------------------- partners

async function seedPartners(ctx: Ctx, total: number): Promise<string[]> {
  if (total === 0) return [];
  const { pick } = ctx;
  const taken = new Set(
    (
      await ctx.writer.db.read
        .select({ name: partners.name })
        .from(partners)
        .where(and(eq(partners.tenantId, ctx.tenantId), isNull(partners.deletedAt)))
    ).map((r) => r.name),
  );
  return seedRows(ctx, "partners", partners, total, (at) => {
    const company = pick.company();
    let name = `${company} ${pick.one(PARTNER_SUFFIXES)}`;
    for (let n = 2; taken.has(name); n++) name = `${company} ${PARTNER_SUFFIXES[0]} ${n}`;
    taken.add(name);
    const domain = domainOf(company);
    return {
      id: uuidAt(at),
      name,
      partnerType: pick.weighted({ referral: 5, reseller: 3, affiliate: 1, technology: 1 }),
      email: `partners@${domain}`,
      phone: `+1 555 ${pick.int(1000, 9999)}`,
      website: `https://${domain}`,
      status: pick.chance(0.85) ? "active" : "inactive",
      commissionPct: pick.int(5, 25),
      tags: pick.some(["gold", "silver", "emea", "na", "apac"], 2),
      ...lifecycle(at),
    };
  });
}

// ---------------------------------------------------------------- leads

const TIERS: Array<[number, string]> = [
  [80, "A"],
  [60, "B"],
  [35, "C"],
  [0, "D"],
];

function leadRow(ctx: Ctx, set: PipelineSet, partnerIds: string[], at: number): Row {
  const { pick, now } = ctx;
  const young = now - at < 2 * DAY;
  const status = young
    ? pick.weighted({ new: 7, contacted: 3 })
    : pick.weighted({ new: 15, contacted: 25, qualified: 25, disqualified: 20, converted: 15 });
  const cap = (t: number) => Math.min(now, Math.floor(t));
  const responded = status === "new" ? null : cap(at + pick.between(0.5, 48) * HOUR);
  const decided = responded === null ? null : cap(responded + pick.between(1, 20) * DAY);
  const qualifiedAt = status === "qualified" || status === "converted" ? decided : null;
  const disqualifiedAt = status === "disqualified" ? decided : null;
  const convertedAt =
    status === "converted" && decided !== null ? cap(decided + pick.between(1, 10) * DAY) : null;
  const score = Math.min(100, pick.int(0, 70) + (qualifiedAt ? pick.int(20, 30) : 0));
  const source = pick.one(LEAD_SOURCES);
  const person = pick.person();
  const company = pick.company();
  const stageOutcome =
    status === "new" || status === "contacted"
      ? "open"
      : status === "disqualified"
        ? "lost"
        : "won";
  const qualification = set.qualification;
  const stageEnteredAt = Math.max(at, responded ?? 0, decided ?? 0);
  return {
    id: uuidAt(at),
    name: person.name,
    email: `${person.first}.${person.last}@${domainOf(company)}`.toLowerCase(),
    phone: `+1 555 ${pick.int(1000, 9999)}`,
    companyName: company,
    title: pick.one(JOB_TITLES),
    source,
    status,
    tier: (TIERS.find(([min]) => score >= min) as [number, string])[1],
    score,
    owner: pick.one(OWNERS),
    partnerId: source === "partner" && partnerIds.length ? pick.one(partnerIds) : null,
    pipelineId: qualification?.pipelineId ?? null,
    stageId:
      qualification &&
      (status === "new" ? qualification.open[0] : stageFor(pick, qualification, stageOutcome)),
    stageEnteredAt: qualification ? new Date(stageEnteredAt) : null,
    firstRespondedAt: dateOrNull(responded),
    qualifiedAt: dateOrNull(qualifiedAt),
    disqualifiedAt: dateOrNull(disqualifiedAt),
    disqualifyReason: disqualifiedAt ? pick.one(DISQUALIFY_REASONS) : null,
    convertedAt: dateOrNull(convertedAt),
    tags: pick.chance(0.3) ? pick.some(TAGS, 2) : [],
    ...lifecycle(at, responded, decided, convertedAt),
  };
}

// ---------------------------------------------------------------- deals

function dealRow(ctx: Ctx, set: PipelineSet, partnerIds: string[], at: number, i: number): Row {
  const { pick, now } = ctx;
  const age = now - at;
  const status =
    age < 14 * DAY
      ? pick.weighted({ open: 85, won: 10, lost: 5 })
      : pick.weighted({ open: 35, won: 40, lost: 25 });
  const closedAt =
    status === "open" ? null : Math.floor(at + pick.between(0.1, Math.min(age, 90 * DAY)));
  const sales = set.sales[i % 7 === 0 && set.sales.length > 1 ? 1 : 0] ?? set.sales[0];
  const stageEnteredAt = closedAt ?? Math.floor(at + pick.random() * Math.min(age, 30 * DAY));
  const company = pick.company();
  const dollars = Math.exp(pick.between(Math.log(500), Math.log(250_000)));
  return {
    id: uuidAt(at),
    title: `${company} — ${pick.one(PRODUCTS)}`,
    value: Math.round(dollars) * 100,
    currency: pick.weighted({ USD: 80, EUR: 15, GBP: 5 }),
    status,
    pipelineId: sales.pipelineId,
    stageId: stageFor(pick, sales, status),
    stageEnteredAt: new Date(stageEnteredAt),
    owner: pick.one(OWNERS),
    partnerId: partnerIds.length && pick.chance(0.15) ? pick.one(partnerIds) : null,
    expectedCloseDate: new Date(at + pick.between(14, 120) * DAY).toISOString().slice(0, 10),
    wonAt: status === "won" ? dateOrNull(closedAt) : null,
    lostAt: status === "lost" ? dateOrNull(closedAt) : null,
    lostReason: status === "lost" ? pick.one(LOST_REASONS) : null,
    tags: pick.chance(0.4) ? pick.some(TAGS, 2) : [],
    ...lifecycle(at, stageEnteredAt),
  };
}

// ---------------------------------------------------------------- tasks

function taskRow(ctx: Ctx, dealIds: string[], leadIds: string[], at: number): Row {
  const { pick, now } = ctx;
  const due = pick.chance(0.9) ? Math.floor(at + pick.between(1, 14 * 24) * HOUR) : null;
  const pastDue = due !== null && due < now;
  const completed = pastDue ? pick.chance(0.8) : pick.chance(0.1);
  const completedAt = completed
    ? Math.min(now, Math.floor(at + pick.random() * ((due ?? now) + 2 * DAY - at)))
    : null;
  const link = pick.weighted({ deal: 5, lead: 2.5, none: 2.5 });
  const person = pick.person();
  return {
    id: uuidAt(at),
    title: pick
      .one(TASK_TEMPLATES)
      .replace("{name}", person.name)
      .replace("{company}", pick.company()),
    status: completed ? "completed" : "pending",
    priority: pick.weighted({ low: 25, medium: 45, high: 22, urgent: 8 }),
    dueAt: dateOrNull(due),
    completedAt: dateOrNull(completedAt),
    owner: pick.one(OWNERS),
    dealId: link === "deal" && dealIds.length ? pick.one(dealIds) : null,
    leadId: link === "lead" && leadIds.length ? pick.one(leadIds) : null,
    tags: pick.chance(0.2) ? pick.some(TAGS, 1) : [],
    ...lifecycle(at, completedAt),
  };
}

// ---------------------------------------------------------------- writing

/** A column's key in row objects, its SQL name and how its value is stored. */
interface Column {
  key: string;
  name: string;
  toDriver: (value: unknown) => string | number | null;
}

/**
 * One transaction per batch: reserves the batch's sync_seq range with one
 * counters update, then inserts the rows in multi-row statements of up to
 * 1,000 rows. On an
 * embedded file it uses the bun:sqlite bulk connection (binding 25,000
 * parameters through libSQL costs about 3× more); elsewhere libSQL.
 */
class BatchWriter {
  private columns = new Map<SQLiteTable, Column[]>();

  constructor(readonly db: Database) {}

  async insert(table: SQLiteTable, rows: Row[], synced: boolean): Promise<void> {
    if (rows.length === 0) return;
    const bulkWrite = this.db.bulkWrite;
    if (bulkWrite) {
      await bulkWrite((conn) => {
        if (synced) assignSeq(rows, reserveBulk(conn, rows.length));
        for (const chunk of this.statements(table, rows)) this.insertBulk(conn, table, chunk);
      });
      return;
    }
    await this.db.transaction(async (tx) => {
      if (synced) assignSeq(rows, await reserveSyncSeq(tx, rows.length));
      for (const chunk of this.statements(table, rows))
        await tx.insert(table).values(chunk as never);
    });
  }

  /** Rows split into statements within SQLite's parameter limit. */
  private statements(table: SQLiteTable, rows: Row[]): Row[][] {
    const perStatement = Math.min(
      MAX_ROWS_PER_STATEMENT,
      Math.floor(MAX_PARAMS / this.columnsOf(table).length),
    );
    const chunks: Row[][] = [];
    for (let i = 0; i < rows.length; i += perStatement)
      chunks.push(rows.slice(i, i + perStatement));
    return chunks;
  }

  private insertBulk(conn: BunSqlite, table: SQLiteTable, rows: Row[]) {
    const columns = this.columnsOf(table);
    const tuple = `(${columns.map(() => "?").join(",")})`;
    const text = `INSERT INTO "${getTableName(table)}" (${columns
      .map((c) => `"${c.name}"`)
      .join(",")}) VALUES ${Array(rows.length).fill(tuple).join(",")}`;
    const args: Array<string | number | null> = new Array(rows.length * columns.length);
    let i = 0;
    for (const row of rows)
      for (const column of columns) args[i++] = column.toDriver(row[column.key]);
    conn.query(text).run(...args);
  }

  private columnsOf(table: SQLiteTable): Column[] {
    let columns = this.columns.get(table);
    if (!columns) {
      columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
        key,
        name: column.name,
        toDriver: driverMapper(column),
      }));
      this.columns.set(table, columns);
    }
    return columns;
  }
}

/** How drizzle would store a value of the column (dates as ms, JSON as text), defaults applied. */
function driverMapper(column: SQLiteColumn) {
  const fallback = column.hasDefault ? column.default : null;
  return (value: unknown): string | number | null => {
    const given = value === undefined ? fallback : value;
    return given === null || given === undefined
      ? null
      : (column.mapToDriverValue(given) as string | number);
  };
}

/**
 * A batch's sync_seq range, given out in the order of the rows' updated_at
 * (their last change): a feed reads changes in sync_seq order, so a `since`
 * poll of seeded rows (the demo tenant's) sees the oldest change first, as
 * it does for rows written through the API.
 */
const assignSeq = (rows: Row[], first: number) => {
  const changedAt = (row: Row) => (row.updatedAt instanceof Date ? row.updatedAt.getTime() : 0);
  [...rows]
    .sort((a, b) => changedAt(a) - changedAt(b))
    .forEach((row, i) => {
      row.syncSeq = first + i;
    });
};

function reserveBulk(conn: BunSqlite, n: number): number {
  const row = conn
    .query("UPDATE counters SET value = value + ?1 WHERE name = 'sync' RETURNING value")
    .get(n) as { value: number };
  return row.value - n + 1;
}
