import type { Database } from "../../db/client";
import { seedTenant } from "../../db/seed";
import { createTenant } from "../../plugins/tenants";
import { newId } from "../../src/ids";
import type { RawField } from "./raw-inserts";

/** Regions the filtered-list case's deals are spread over; `emea` is a quarter of them. */
const REGIONS = ["emea", "amer", "apac", "latam"];
/** The create case's fields: 20 of them, numbers and texts alternating. */
export const CREATE_FIELDS: RawField[] = Array.from({ length: 20 }, (_, i) => ({
  key: `f${i + 1}`,
  type: i % 2 ? "number" : "text",
}));

/**
 * A tenant whose `deals` carry a `region` select field (its values in the
 * value index, as crmd writes them) and 20 more fields for the create case.
 */
export async function seedCustomFieldTenant(db: Database, deals: number): Promise<string> {
  const now = new Date();
  const tenant = await createTenant(db, "custom-fields", now);
  await seedTenant(db, tenant.id, { deals, leads: 0, tasks: 0, partners: 1 });
  const run = db.bulkWrite;
  if (!run) throw new Error("the bench needs an embedded database");
  await run((conn) => {
    const define = conn.prepare(
      `INSERT INTO custom_field_definitions (id, tenant_id, object_type, key, label, type, options, created_at, updated_at)
       VALUES (?, ?, 'deals', ?, ?, ?, ?, ?, ?)`,
    );
    define.run(
      newId(),
      tenant.id,
      "region",
      "Region",
      "select",
      JSON.stringify(REGIONS),
      now.getTime(),
      now.getTime(),
    );
    for (const field of CREATE_FIELDS)
      define.run(
        newId(),
        tenant.id,
        field.key,
        field.key,
        field.type,
        null,
        now.getTime(),
        now.getTime(),
      );
    const region = `json_extract('${JSON.stringify(REGIONS)}', '$[' || (rowid % 4) || ']')`;
    conn
      .prepare(
        `UPDATE deals SET custom_fields = json_object('region', ${region}) WHERE tenant_id = ?`,
      )
      .run(tenant.id);
    conn
      .prepare(
        `INSERT INTO custom_field_values (tenant_id, object_type, field_key, record_id, value_text)
         SELECT tenant_id, 'deals', 'region', id, json_extract(custom_fields, '$.region') FROM deals WHERE tenant_id = ?`,
      )
      .run(tenant.id);
  });
  return tenant.id;
}

/** The create case's body as a wrk Lua expression (`counter` varies the title and values). */
export const createBodyLua = () => {
  const fields = CREATE_FIELDS.map((f) =>
    f.type === "number"
      ? `"${f.key}":' .. (counter % 1000) .. '`
      : `"${f.key}":"value ' .. counter .. '"`,
  ).join(",");
  return `'{"title":"cf deal ' .. counter .. '","value":100,"currency":"EUR","custom_fields":{${fields}}}'`;
};
