import type { Database } from "../../db/client";
import { seedTenant } from "../../db/seed";
import { createTenant } from "../../plugins/tenants";
import { seedProgressBar } from "../../src/progress";

export interface BenchSizes {
  deals: number;
  leads: number;
  tasks: number;
  bigDeals: number;
  noise: number;
}

/**
 * The bench tenant (deals, leads, tasks), a big tenant for the 1M-deal KPI
 * case, and three noise tenants so every query has to pick one tenant's rows.
 */
export async function seedBenchData(db: Database, sizes: BenchSizes) {
  const now = new Date();
  const bench = await createTenant(db, "bench", now);
  const big = await createTenant(db, "big", now);
  for (let i = 1; i <= 3; i++) {
    const noise = await createTenant(db, `noise-${i}`, now);
    await seedTenant(db, noise.id, {
      deals: sizes.noise,
      leads: sizes.noise,
      tasks: sizes.noise,
      partners: 5,
    });
  }
  await seedTenant(
    db,
    bench.id,
    { deals: sizes.deals, leads: sizes.leads, tasks: sizes.tasks, partners: 20 },
    seedProgressBar(),
  );
  await seedTenant(
    db,
    big.id,
    { deals: sizes.bigDeals, leads: 0, tasks: 0, partners: 5 },
    seedProgressBar(),
  );
  return { bench: bench.id, big: big.id };
}
