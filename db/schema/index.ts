export * from "./core";
export * from "./crm";
export * from "./sales";
export * from "./webhooks";
