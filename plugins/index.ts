import type { Elysia } from "elysia";
import type { AppContext } from "../src/core";
import { activityPlugin } from "./activity";
import { apiKeysPlugin } from "./api-keys";
import { kpisPlugin } from "./kpis";
import { partnersPlugin } from "./partners";
import { tasksPlugin } from "./tasks";
import { tenantsPlugin } from "./tenants";

/** Every domain plugin, mounted under /api/external. One line per plugin. */
// biome-ignore lint/suspicious/noExplicitAny: plugins differ in their route types
export const plugins: Array<(ctx: AppContext) => Elysia<any, any, any, any, any, any, any>> = [
  tenantsPlugin,
  apiKeysPlugin,
  tasksPlugin,
  partnersPlugin,
  activityPlugin,
  kpisPlugin,
];
