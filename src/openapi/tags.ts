/** What each group of operations is for, shown by Swagger UI and the generated reference. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  health: "Liveness and readiness probes for load balancers and orchestrators (no credentials)",
  tenants: "Tenants: isolated CRM data sets (admin token)",
  "api-keys": "API keys of a tenant: created once, stored hashed, revocable",
  contacts: "People, with emails, phones, tags and custom fields",
  companies: "Organisations, matched by domain",
  deals: "Sales opportunities moving through pipeline stages to won or lost",
  leads: "Prospects before they become deals: qualify, disqualify, convert",
  pipelines: "Pipelines and their ordered stages, and the pipeline summary",
  tasks: "To-dos with due dates, linked to records; overdue ones raise task.overdue",
  notes: "Notes attached to contacts, companies, deals, leads or tasks",
  interactions:
    "Email and calls, and one timeline of a record's notes, emails, SMS, calls and meetings",
  handoffs: "Handing a deal or lead over to another owner",
  partners: "Referral partners and their lead and deal figures",
  documents: "Files uploaded to crmd or linked from elsewhere",
  calendar: "Meetings and calls on a calendar, linked to records",
  activity: "The audit log of every change",
  kpis: "Key figures for a period",
  search: "Full-text search across records",
  sla: "Business hours that SLA clocks count in",
  operations: "For operators: Prometheus metrics (metrics or admin token)",
  scheduler: "Background jobs: schedule, last run and lease holder",
  webhooks:
    "Signed push deliveries of events: subscriptions, delivery log, replays. The `webhooks` section of this document describes every payload",
};
