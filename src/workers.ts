import type { AppContext } from "./context";

export interface Workers {
  stop(): Promise<void>;
}

/** Starts the scheduler and every background worker plugins registered. */
export async function startWorkers(ctx: AppContext): Promise<Workers> {
  for (const worker of ctx.workers) await worker.start();
  ctx.scheduler.start();
  return {
    async stop() {
      await ctx.scheduler.stop();
      for (const worker of ctx.workers) await worker.stop();
    },
  };
}
