// Every table, for drizzle-kit and for the typed query API.
export * from "./units";
export * from "./contacts";
export * from "./content";
export * from "./officers";
export * from "./surveys";
export * from "./content-revision";
export * from "./zalo";
export * from "./qa";
export * from "./questions";
export * from "./subscriptions";
export * from "./campaigns";
