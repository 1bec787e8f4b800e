export * from "./core";
export * from "./sales";
