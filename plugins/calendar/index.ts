import { Elysia } from "elysia";
import { calendarEvents } from "../../db/schema";
import {
  type AppContext,
  asReplacement,
  authMacros,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  registerEntityTypes,
  registerEventTypes,
  registerVersionedRecords,
} from "../../src/core";
import { CalendarEvent, CreateEvent, EventQuery, ReplaceEvent, UpdateEvent } from "./model";
import { cancelEvent, createEvent, getEvent, listEvents, updateEvent } from "./service";

/** PATCH, PUT, DELETE and actions on `/calendar/events/:id` honour If-Match on its version. */
registerVersionedRecords("/calendar/events/:id", calendarEvents);

registerEventTypes([
  "calendar.event.created",
  "calendar.event.updated",
  "calendar.event.cancelled",
]);
// The activity log's name for an event, which its event types (calendar.event.*) do not give.
registerEntityTypes(["calendar_event"]);

const tags = ["calendar"];

/**
 * Calendar events (seed 000): time range and linked-entity lists, attendee
 * conflicts, and cancellation in place of deletion.
 */
export const calendarPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.calendar" })
    .use(authMacros)
    .post(
      "/calendar/events",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createEvent(ctx, tenantId, actor, body);
      },
      {
        scope: "calendar:write",
        body: CreateEvent,
        response: { 201: CalendarEvent, ...errorResponses },
        detail: {
          summary: "Create a calendar event (an end before the start or an unknown zone is 422)",
          tags,
        },
      },
    )
    .get(
      "/calendar/events",
      async ({ query, tenantId, scopes }) =>
        listJson("events", await listEvents(ctx, tenantId, scopes, query)),
      {
        scope: "calendar:read",
        query: EventQuery,
        response: {
          200: listResponse("events", CalendarEvent, "CalendarEvent"),
          ...errorResponses,
        },
        detail: {
          summary:
            "List calendar events by start time; filter by time range, linked record, attendee, status, or an attendee's conflicts",
          tags,
        },
      },
    )
    .get(
      "/calendar/events/:id",
      async ({ params, tenantId }) => getEvent(ctx, tenantId, params.id),
      {
        scope: "calendar:read",
        params: IdParams,
        response: { 200: CalendarEvent, ...errorResponses },
        detail: { summary: "Get a calendar event", tags },
      },
    )
    .patch(
      "/calendar/events/:id",
      async ({ params, body, tenantId, actor }) =>
        updateEvent(ctx, tenantId, actor, params.id, body),
      {
        scope: "calendar:write",
        params: IdParams,
        body: UpdateEvent,
        response: { 200: CalendarEvent, ...errorResponses },
        detail: {
          summary:
            "Update a calendar event (status cancelled cancels it; confirmed or tentative reopens it)",
          tags,
        },
      },
    )
    .put(
      "/calendar/events/:id",
      async ({ params, body, tenantId, actor }) => {
        // A status left out is resolved against the stored event (updateEvent).
        const patch = asReplacement(ReplaceEvent, body, { time_zone: "UTC", all_day: false });
        return updateEvent(ctx, tenantId, actor, params.id, patch, true);
      },
      {
        scope: "calendar:write",
        params: IdParams,
        body: ReplaceEvent,
        response: { 200: CalendarEvent, ...errorResponses },
        detail: {
          summary:
            "Replace a calendar event (seed 000's PUT: fields left out are emptied; a cancelled event stays cancelled unless status says otherwise)",
          tags,
        },
      },
    )
    .delete(
      "/calendar/events/:id",
      async ({ params, tenantId, actor }) => cancelEvent(ctx, tenantId, actor, params.id),
      {
        scope: "calendar:write",
        params: IdParams,
        response: { 200: CalendarEvent, ...errorResponses },
        detail: {
          summary: "Cancel a calendar event: it stays, with status cancelled and cancelled_at",
          tags,
        },
      },
    );
