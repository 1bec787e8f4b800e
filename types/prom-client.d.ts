// prom-client's default process collectors (lib/defaultMetrics.js), loaded one
// by one: each registers its `process_*` series on the registry it is given.
declare module "prom-client/lib/metrics/*" {
  import type { Registry } from "prom-client";

  const registerOn: (registry: Registry) => void;
  export default registerOn;
}
