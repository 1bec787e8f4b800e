import { t } from "elysia";

/** Weekday names in ISO order: index + 1 is the ISO weekday (1 = Monday). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = (description: string, allowEndOfDay: boolean) =>
  t.String({
    pattern: allowEndOfDay ? "^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$" : "^([01]\\d|2[0-3]):[0-5]\\d$",
    description,
    examples: [allowEndOfDay ? "17:00" : "09:00"],
  });

export const PutBusinessHours = t.Object({
  time_zone: t.String({
    minLength: 1,
    maxLength: 64,
    description: "IANA time zone, e.g. America/New_York",
    examples: ["America/New_York"],
  }),
  working_days: t.Array(t.UnionEnum(WEEKDAYS), {
    minItems: 1,
    maxItems: 7,
    uniqueItems: true,
    description: "Working weekdays",
    examples: [["mon", "tue", "wed", "thu", "fri"]],
  }),
  start_time: clockTime("Start of the working day, local time (HH:MM)", false),
  end_time: clockTime(
    "End of the working day, local time (HH:MM, after start_time; 24:00 allowed)",
    true,
  ),
});

export const BusinessHours = t.Object({
  ...PutBusinessHours.properties,
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});
