import { t } from "elysia";
import { LinkedRecord, RequiredText } from "../../src/core";

const Label = RequiredText({
  maxLength: 100,
  description: 'The link\'s role, e.g. "decision maker", "buyer"',
});

export const AssociationList = t.Object({ associations: t.Array(LinkedRecord) });

export const ReplaceAssociations = t.Object({
  associations: t.Array(
    t.Object({ id: t.String({ minLength: 1 }), label: t.Optional(t.Nullable(Label)) }),
    { maxItems: 500, description: "The complete set of links to this object type" },
  ),
});

export const LinkBody = t.Object({ label: t.Optional(t.Nullable(Label)) });

export const LabelQuery = t.Object({
  label: t.Optional(t.String({ description: "Only links with this label" })),
});

export const LinksParams = t.Object({ object: t.String(), id: t.String(), to: t.String() });
export const LinkParams = t.Object({
  object: t.String(),
  id: t.String(),
  to: t.String(),
  to_id: t.String(),
});

export type ReplaceBody = typeof ReplaceAssociations.static;
