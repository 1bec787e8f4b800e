import type { AppContext } from "./context";

export interface Workers {
  stop(): Promise<void>;
}

const SCHEDULER_ARM_DELAY_MS = 250;

/** Starts the scheduler and every background worker plugins registered. */
export async function startWorkers(ctx: AppContext): Promise<Workers> {
  for (const worker of ctx.workers) await worker.start();
  // Armed just after startup rather than during it: croner's first job
  // initialises ICU (~10 ms) and no job is due in the first moments anyway.
  setTimeout(() => ctx.scheduler.start(), SCHEDULER_ARM_DELAY_MS).unref();
  return {
    async stop() {
      await ctx.scheduler.stop();
      for (const worker of ctx.workers) await worker.stop();
    },
  };
}
