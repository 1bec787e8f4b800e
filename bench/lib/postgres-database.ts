import { SQL } from "bun";

/** A new, empty database `name` on the PostgreSQL server at `server` (the previous one dropped); its URL. */
export async function freshPostgresDatabase(server: string, name: string): Promise<string> {
  const admin = new SQL(server, { max: 1 });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
