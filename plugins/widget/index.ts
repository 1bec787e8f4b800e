export { widgetActor } from "./access";
export { widgetKeyRoutes as widgetKeysPlugin } from "./keys";
export { SendWidgetMessage } from "./model";
export { widgetRoutes as widgetPlugin } from "./public";
export { type WidgetKey, widgetKeyStore } from "./store";
export { type VisitorClaims, visitorRateBucket } from "./tokens";
export { widgetConversation, widgetMessage } from "./views";
