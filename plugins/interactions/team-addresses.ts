import { and, asc, eq } from "drizzle-orm";
import { interactions, teamEmailAddresses } from "../../db/schema";
import { type AppContext, invalid, type ReadDb, type WriteTx } from "../../src/core";
import { isAddress, mailboxAddress } from "./email";

/**
 * The team's own mailboxes: the tenant's listed addresses and domains, the
 * server's sender, and any others the caller adds (a thread's senders).
 * Matching is by lower-case address, or by its domain (`@acme.com`).
 */
export class TeamAddresses {
  private readonly addresses = new Set<string>();
  private readonly domains = new Set<string>();

  constructor(entries: Iterable<string>) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds an address (`Name <address>` taken too) or a domain (`@acme.com`). */
  add(entry: string): void {
    const address = mailboxAddress(entry).toLowerCase();
    if (address.startsWith("@")) this.domains.add(address.slice(1));
    else if (address) this.addresses.add(address);
  }

  has(address: string): boolean {
    const lower = address.trim().toLowerCase();
    return this.addresses.has(lower) || this.domains.has(lower.slice(lower.lastIndexOf("@") + 1));
  }
}

/** The tenant's listed addresses and domains, in the order given. */
export async function teamAddressList(db: ReadDb | WriteTx, tenantId: string): Promise<string[]> {
  const rows = await (db as ReadDb)
    .select({ address: teamEmailAddresses.address })
    .from(teamEmailAddresses)
    .where(eq(teamEmailAddresses.tenantId, tenantId))
    .orderBy(asc(teamEmailAddresses.position));
  return rows.map((row) => row.address);
}

/**
 * The team's own mailboxes in a thread: the tenant's list, the server's
 * sender (CRMD_EMAIL_FROM), and every address the thread's emails were
 * sent from. They are no participants: a reply is from them, not Cc'd to
 * them.
 */
export async function teamAddressesOf(
  ctx: AppContext,
  tx: WriteTx,
  tenantId: string,
  threadId: string | null,
): Promise<TeamAddresses> {
  const team = new TeamAddresses(await teamAddressList(tx, tenantId));
  if (ctx.config.emailFrom) team.add(ctx.config.emailFrom);
  if (threadId === null) return team;
  const sent = await tx
    .select({ from: interactions.fromAddress })
    .from(interactions)
    .where(
      and(
        eq(interactions.tenantId, tenantId),
        eq(interactions.threadId, threadId),
        eq(interactions.direction, "outbound"),
      ),
    );
  for (const { from } of sent) if (from) team.add(from);
  return team;
}

/**
 * Entries as given, trimmed, lower case and each once, in their order: an
 * address (`support@acme.com`) or a whole domain (`@acme.com`). Anything
 * else is 422 at its place in `addresses`.
 */
function normaliseTeamAddresses(entries: string[]): string[] {
  const normalised = entries.map((entry, i) => {
    const lower = entry.trim().toLowerCase();
    const address = lower.startsWith("@") ? `team${lower}` : lower;
    if (!isAddress(address))
      throw invalid(
        `/addresses/${i}`,
        "is not an email address (support@acme.com) or a domain written @acme.com",
      );
    return lower;
  });
  return [...new Set(normalised)];
}

/** Makes `entries` the tenant's own addresses and domains; answers the list as stored. */
export async function setTeamAddresses(
  ctx: AppContext,
  tenantId: string,
  entries: string[],
): Promise<string[]> {
  const addresses = normaliseTeamAddresses(entries);
  await ctx.write(async (tx) => {
    const now = ctx.clock.now();
    await tx.delete(teamEmailAddresses).where(eq(teamEmailAddresses.tenantId, tenantId));
    if (addresses.length > 0)
      await tx
        .insert(teamEmailAddresses)
        .values(
          addresses.map((address, position) => ({ tenantId, address, position, createdAt: now })),
        );
  });
  return addresses;
}
