/**
 * Word lists and a seeded random source for db/seed.ts: plausible CRM data,
 * reproducible for a given seed.
 */

const list = (items: string): string[] => items.split(", ");

export const FIRST_NAMES = list(
  "Ada, Alan, Amara, Ana, Ben, Carla, Chen, Dara, David, Elena, Emeka, Eva, Farah, Felix, Grace, Hana, Hugo, Ines, Ivan, Jonas, Julia, Kai, Kenji, Lara, Leo, Lina, Marco, Maya, Mehmet, Nadia, Noah, Olga, Omar, Priya, Rafael, Sara, Sofia, Tariq, Yuki, Zoe",
);

export const LAST_NAMES = list(
  "Abebe, Andersen, Bauer, Becker, Costa, Dubois, Evans, Fischer, Garcia, Hansen, Ito, Jensen, Kim, Kowalski, Larsen, Lopez, Martin, Meyer, Moreau, Nakamura, Novak, Okafor, Olsen, Patel, Petrov, Quinn, Rossi, Santos, Schmidt, Silva, Singh, Smith, Tanaka, Usman, Varga, Wagner, Weber, Wong, Yilmaz, Zhang",
);

const COMPANY_HEADS = list(
  "Acme, Apex, Arbor, Atlas, Beacon, Blue Fjord, Brightline, Cedar, Cobalt, Copperleaf, Crescent, Delta, Evergreen, Falcon, Granite, Harbor, Helix, Horizon, Ironwood, Juniper, Keystone, Lumen, Meridian, Northwind, Nova, Orchid, Pinnacle, Quartz, Redwood, Sable, Summit, Tidewater, Vertex, Willow",
);

const COMPANY_TAILS = list(
  "Analytics, Systems, Logistics, Health, Foods, Labs, Energy, Retail, Capital, Robotics, Media, Software, Manufacturing, Travel, Bio",
);

export const JOB_TITLES = list(
  "CEO, CTO, COO, VP Sales, VP Engineering, Head of Operations, IT Manager, Procurement Lead, Marketing Director, Founder, Product Manager, CFO",
);

export const LEAD_SOURCES = list("website, referral, partner, event, outbound, inbound, webinar");

export const OWNERS = list(
  "alex@example.com, bea@example.com, chris@example.com, dana@example.com, eli@example.com, fran@example.com, gus@example.com, hiro@example.com",
);

export const PRODUCTS = list(
  "Platform licence, Annual renewal, Onboarding package, Enterprise upgrade, Data migration, Support plan, Analytics add-on, Team expansion, Pilot, Integration project, Training, Multi-year agreement",
);

export const LOST_REASONS = list(
  "Price too high, Chose a competitor, No budget, No decision, Timing, Missing feature, Went silent",
);

export const DISQUALIFY_REASONS = list(
  "No budget, Not a fit, Student or job seeker, Duplicate, Unresponsive",
);

export const TASK_TEMPLATES = list(
  "Call {name}, Email {name} a follow-up, Send proposal to {company}, Book a demo with {company}, Prepare quote for {company}, Check in with {name}, Review contract with {company}, Schedule onboarding for {company}, Update notes on {company}, Ask {name} for a referral",
);

export const TAGS = list("vip, enterprise, smb, q-priority, renewal, upsell, emea, apac, na");

export const PARTNER_SUFFIXES = list("Partners, Referrals, Consulting, Solutions, Group, Alliance");

/** mulberry32: small, fast, good enough for sample data. Returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const hashSeed = (text: string): number => {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
};

/** Helpers over one random source. */
export class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.random() * (max - min);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
  /** A key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let roll = this.random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
  some<T>(items: readonly T[], max: number): T[] {
    const n = this.int(0, max);
    return [...new Set(Array.from({ length: n }, () => this.one(items)))];
  }
  company(): string {
    return `${this.one(COMPANY_HEADS)} ${this.one(COMPANY_TAILS)}`;
  }
  person(): { first: string; last: string; name: string } {
    const first = this.one(FIRST_NAMES);
    const last = this.one(LAST_NAMES);
    return { first, last, name: `${first} ${last}` };
  }
}

export const domainOf = (company: string): string =>
  `${company.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`;
