import type { Elysia } from "elysia";
import type { AppContext } from "../src/core";
import { activityPlugin } from "./activity";
import { apiKeysPlugin } from "./api-keys";
import { associationsPlugin } from "./associations";
import { calendarPlugin } from "./calendar";
import { companiesPlugin } from "./companies";
import { contactsPlugin } from "./contacts";
import { conversationsPlugin } from "./conversations";
import { customersPlugin } from "./customers";
import { dealsPlugin } from "./deals";
import { documentsPlugin } from "./documents";
import { eventsPlugin } from "./events";
import { fieldsPlugin } from "./fields";
import { handoffsPlugin } from "./handoffs";
import { interactionsPlugin, sesWebhookPlugin, twilioWebhookPlugin } from "./interactions";
import { kpisPlugin } from "./kpis";
import { leadsPlugin } from "./leads";
import { livePlugin } from "./live";
import { mlsPlugin } from "./mls";
import { notesPlugin } from "./notes";
import { objectsPlugin } from "./objects";
import { partnersPlugin } from "./partners";
import { pipelinesPlugin } from "./pipelines";
import { schedulerPlugin } from "./scheduler";
import { searchPlugin } from "./search";
import { slaPlugin } from "./sla";
import { tasksPlugin } from "./tasks";
import { tenantsPlugin } from "./tenants";
import { webhooksPlugin } from "./webhooks";
import { widgetKeysPlugin, widgetPlugin } from "./widget";

/** Every domain plugin, mounted under /api/external. One line per plugin. */
// biome-ignore lint/suspicious/noExplicitAny: plugins differ in their route types
export const plugins: Array<(ctx: AppContext) => Elysia<any, any, any, any, any, any, any>> = [
  tenantsPlugin,
  apiKeysPlugin,
  calendarPlugin,
  documentsPlugin,
  contactsPlugin,
  companiesPlugin,
  notesPlugin,
  interactionsPlugin,
  searchPlugin,
  pipelinesPlugin,
  dealsPlugin,
  leadsPlugin,
  handoffsPlugin,
  schedulerPlugin,
  slaPlugin,
  webhooksPlugin,
  tasksPlugin,
  partnersPlugin,
  activityPlugin,
  kpisPlugin,
  conversationsPlugin,
  customersPlugin,
  eventsPlugin,
  fieldsPlugin,
  associationsPlugin,
  objectsPlugin,
  mlsPlugin,
  widgetKeysPlugin,
];

/** Plugins served outside /api/external (public widget API, live channels, Twilio's and SES's webhooks). One line per plugin. */
// biome-ignore lint/suspicious/noExplicitAny: plugins differ in their route types
export const rootPlugins: Array<(ctx: AppContext) => Elysia<any, any, any, any, any, any, any>> = [
  widgetPlugin,
  livePlugin,
  twilioWebhookPlugin,
  sesWebhookPlugin,
];
