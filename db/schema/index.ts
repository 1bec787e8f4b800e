export * from "./calendar";
export * from "./core";
export * from "./crm";
export * from "./documents";
export * from "./sales";
export * from "./scheduler";
export * from "./sla";
export * from "./webhooks";
