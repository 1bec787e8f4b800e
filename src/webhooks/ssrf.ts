import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * Webhook URLs are chosen by API callers, so crmd must not become a way to
 * reach its own network: every address a host resolves to is classified, and
 * a delivery goes only to public ones (unless the operator allows private).
 */
export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "multicast"
  | "reserved"
  | "documentation"
  | "cloud-metadata";

type Range = { bytes: number[]; bits: number; cls: AddressClass };

const v4 = (cidr: string, cls: AddressClass): Range => {
  const [address, bits] = cidr.split("/");
  return { bytes: address.split(".").map(Number), bits: Number(bits), cls };
};

/** Cloud metadata endpoints (AWS, GCP, Azure, Alibaba, Oracle); some are public addresses. */
const METADATA_V4 = ["169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200"];
const METADATA_V6 = ["fd00:ec2::254"];

const V4_RANGES: Range[] = [
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "cgnat"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.88.99.0/24", "reserved"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
];

/** IPv6 ranges that hold no IPv4 address; those that embed one are handled in classifyV6. */
const V6_RANGES: Array<{ prefix: string; bits: number; cls: AddressClass }> = [
  { prefix: "64:ff9b:1::", bits: 48, cls: "private" },
  { prefix: "100::", bits: 64, cls: "reserved" },
  { prefix: "2001::", bits: 32, cls: "reserved" }, // Teredo: tunnels to an obfuscated IPv4 address
  { prefix: "2001:db8::", bits: 32, cls: "documentation" },
  { prefix: "fc00::", bits: 7, cls: "private" },
  { prefix: "fe80::", bits: 10, cls: "link-local" },
  { prefix: "fec0::", bits: 10, cls: "private" },
  { prefix: "ff00::", bits: 8, cls: "multicast" },
];

function inRange(address: number[], range: { bytes: number[]; bits: number }): boolean {
  for (let bit = 0; bit < range.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((address[byte] & mask) !== (range.bytes[byte] & mask)) return false;
  }
  return true;
}

function parseV4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255))
    return null;
  return parts.map(Number);
}

/** The 16 bytes of an IPv6 address (zone id dropped, embedded IPv4 accepted), or null. */
export function parseV6(text: string): number[] | null {
  let address = text.split("%")[0];
  let tail: number[] = [];
  const lastColon = address.lastIndexOf(":");
  if (address.slice(lastColon + 1).includes(".")) {
    const embedded = parseV4(address.slice(lastColon + 1));
    if (!embedded) return null;
    tail = embedded;
    address = `${address.slice(0, lastColon + 1)}0:0`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function classifyV4(bytes: number[]): AddressClass {
  if (METADATA_V4.includes(bytes.join("."))) return "cloud-metadata";
  return V4_RANGES.find((range) => inRange(bytes, range))?.cls ?? "public";
}

const V6_PARSED = V6_RANGES.map((r) => ({ ...r, bytes: parseV6(r.prefix) as number[] }));
const METADATA_V6_PARSED = METADATA_V6.map((a) => (parseV6(a) as number[]).join(","));
const isZero = (bytes: number[]) => bytes.every((b) => b === 0);

function classifyV6(bytes: number[]): AddressClass {
  if (METADATA_V6_PARSED.includes(bytes.join(","))) return "cloud-metadata";
  const first10 = bytes.slice(0, 10);
  const embedded = bytes.slice(12);
  if (isZero(bytes.slice(0, 12))) {
    if (isZero(embedded)) return "unspecified";
    if (isZero(embedded.slice(0, 3)) && embedded[3] === 1) return "loopback";
    return classifyV4(embedded); // IPv4-compatible (deprecated)
  }
  // IPv4-mapped ::ffff:a.b.c.d and NAT64 64:ff9b::a.b.c.d reach the embedded IPv4 address.
  if (isZero(first10) && bytes[10] === 0xff && bytes[11] === 0xff) return classifyV4(embedded);
  if (inRange(bytes, { bytes: parseV6("64:ff9b::") as number[], bits: 96 }))
    return classifyV4(embedded);
  // 6to4 2002:a.b.c.d::/48 tunnels to a.b.c.d.
  if (bytes[0] === 0x20 && bytes[1] === 0x02) {
    const tunnel = classifyV4(bytes.slice(2, 6));
    if (tunnel !== "public") return tunnel;
  }
  return V6_PARSED.find((range) => inRange(bytes, range))?.cls ?? "public";
}

/** The class of an IP address (v4 or v6, brackets allowed), or null if it is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const text = address.replace(/^\[|\]$/g, "");
  const bytes4 = parseV4(text);
  if (bytes4) return classifyV4(bytes4);
  const bytes6 = text.includes(":") ? parseV6(text) : null;
  return bytes6 ? classifyV6(bytes6) : null;
}

/** Host names that always mean this machine, whatever DNS says. */
export const isLocalHostname = (host: string): boolean =>
  /^(localhost|.*\.localhost)\.?$/i.test(host);

export type Lookup = (host: string) => Promise<string[]>;

/** All addresses of a host, IPv4 first (node:dns lookup: /etc/hosts, then DNS). */
export const systemLookup: Lookup = async (host) => {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.sort((a, b) => a.family - b.family).map((entry) => entry.address);
};

export class RefusedAddressError extends Error {}

/**
 * Resolves `host` and returns its addresses, refusing the host when any of
 * them is not public (checking them all, so a host cannot hide a private
 * address behind a public one) unless private targets are allowed.
 */
export async function resolveTarget(
  host: string,
  allowPrivate: boolean,
  resolve: Lookup = systemLookup,
): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = isIP(bare) ? [bare] : await resolve(bare);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (allowPrivate) return addresses;
  for (const address of addresses) {
    const cls = classifyAddress(address);
    if (cls !== "public")
      throw new RefusedAddressError(
        `refused: ${host} resolves to ${address} (${cls ?? "unknown"} address)`,
      );
  }
  return addresses;
}
