import { t } from "elysia";
import { HttpUrl, pageQuery, RequiredText } from "../../src/core";

/** What a note can be attached to; seed 004 calls the notes `<parent>_note`. */
export const PARENTS = ["contact", "company", "deal", "lead", "task"] as const;
export type Parent = (typeof PARENTS)[number];

const NoteType = t.Union(
  [
    t.Literal("contact_note"),
    t.Literal("company_note"),
    t.Literal("deal_note"),
    t.Literal("lead_note"),
    t.Literal("task_note"),
  ],
  { description: "seed 004's note type; follows from the id given" },
);

const Attachment = t.Object({
  url: HttpUrl,
  name: t.Optional(t.Nullable(t.String({ maxLength: 300 }))),
  mime_type: t.Optional(
    t.Nullable(
      t.String({ maxLength: 200, pattern: "^[\\w.+-]+/[\\w.+-]+$", examples: ["application/pdf"] }),
    ),
  ),
});

const parentId = (parent: Parent) =>
  t.Optional(t.String({ description: `The ${parent} the note is attached to` }));

const editable = {
  text: RequiredText({ maxLength: 100_000 }),
  status: t.Optional(
    t.Nullable(
      t.String({
        maxLength: 50,
        description: "Contact and company notes only (cold, warm, hot, …)",
      }),
    ),
  ),
  attachments: t.Optional(
    t.Array(Attachment, { maxItems: 50, description: "Links to files stored elsewhere" }),
  ),
};

/** Exactly one of the five ids says what the note is attached to. */
export const CreateNote = t.Object({
  type: t.Optional(NoteType),
  contact_id: parentId("contact"),
  company_id: parentId("company"),
  deal_id: parentId("deal"),
  lead_id: parentId("lead"),
  task_id: parentId("task"),
  ...editable,
});

export const UpdateNote = t.Object({ ...editable, text: t.Optional(editable.text) });

export const Note = t.Object({
  id: t.String({ format: "uuid" }),
  type: NoteType,
  contact_id: t.Nullable(t.String()),
  company_id: t.Nullable(t.String()),
  deal_id: t.Nullable(t.String()),
  lead_id: t.Nullable(t.String()),
  task_id: t.Nullable(t.String()),
  text: t.String(),
  status: t.Nullable(t.String()),
  attachments: t.Array(
    t.Object({ url: t.String(), name: t.Nullable(t.String()), mime_type: t.Nullable(t.String()) }),
  ),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

export const NoteListQuery = t.Object({
  ...pageQuery,
  contact_id: parentId("contact"),
  company_id: parentId("company"),
  deal_id: parentId("deal"),
  lead_id: parentId("lead"),
  task_id: parentId("task"),
});
