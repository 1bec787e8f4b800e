import type { AppContext } from "./context";

export interface Workers {
  stop(): Promise<void>;
}

/** Background workers that run beside the HTTP server (webhook dispatcher, scheduler). */
export async function startWorkers(_ctx: AppContext): Promise<Workers> {
  return { stop: async () => {} };
}
