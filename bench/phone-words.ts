/**
 * `bun bench/phone-words.ts [count]`: the phone words (db/phone-words.ts)
 * of `count` numbers (default 125,000, as many as the leads of
 * bench/search-rebuild.ts), as the search index's rebuild computes them,
 * for three kinds of lists: distinct North American numbers (+1 and ten
 * digits), distinct numbers of other countries, and the search bench's
 * seeded numbers (`+1 555 NNNN`: 9,000 numbers, most repeated). Prints the
 * CPU time of each (steadier than wall time on a shared machine) and how
 * many numbers libphonenumber parsed.
 */
import { loadPhoneNumbers, phoneParses, phoneWords } from "../db/phone-words";

const count = Number(process.argv[2] ?? 125_000);
const digits = (i: number, n: number) => String(i).padStart(n, "0").slice(-n);
const lists: Record<string, string[]> = {
  "distinct +1 numbers": Array.from(
    { length: count },
    (_, i) => `+1 (${200 + (i % 700)}) ${digits(i * 7, 3)}-${digits(i, 4)}`,
  ),
  "distinct numbers of other countries": Array.from(
    { length: count },
    (_, i) =>
      [`+44 20 ${digits(70000000 + i, 8)}`, `+33 1 ${digits(i, 8)}`, `+49 30 ${digits(i, 8)}`][
        i % 3
      ],
  ),
  "seeded (+1 555 NNNN, repeated)": Array.from(
    { length: count },
    (_, i) => `+1 555 ${1000 + ((i * 7919) % 9000)}`,
  ),
};
await loadPhoneNumbers();
for (const [label, numbers] of Object.entries(lists)) {
  const parsed = phoneParses();
  const started = process.cpuUsage();
  let words = 0;
  for (const number of numbers) words += phoneWords(number).length;
  const cpu = process.cpuUsage(started);
  const ms = Math.round((cpu.user + cpu.system) / 1000);
  console.log(
    `${label}: ${numbers.length} numbers in ${ms} ms of CPU (${((ms * 1000) / numbers.length).toFixed(1)} µs each), ${phoneParses() - parsed} parsed, ${words} words`,
  );
}
