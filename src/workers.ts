import type { AppContext } from "./context";

export interface Workers {
  stop(): Promise<void>;
}

/**
 * Background work (webhook delivery, search indexing, the scheduler) starts
 * just after the listener rather than with it: its first passes prepare
 * statements and catch up (~10 ms), which readiness probes and the first
 * requests would otherwise wait behind. Croner's first job also initialises
 * ICU (~10 ms), and the metrics library loads here too. Nothing it does is
 * due in the first moments.
 */
const BACKGROUND_START_DELAY_MS = 250;

/** Starts the scheduler and every background worker plugins registered. */
export function startWorkers(ctx: AppContext): Workers {
  let started: Promise<void> | null = null;
  const timer = setTimeout(() => {
    started = (async () => {
      await ctx.metrics.load();
      for (const worker of ctx.workers) await worker.start();
      ctx.scheduler.start();
    })().catch((error) => ctx.logger.error("background work failed to start", { error }));
  }, BACKGROUND_START_DELAY_MS);
  timer.unref();
  return {
    async stop() {
      clearTimeout(timer);
      if (!started) return;
      await started;
      await ctx.scheduler.stop();
      for (const worker of ctx.workers) await worker.stop();
    },
  };
}
