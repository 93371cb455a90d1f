/**
 * `npm run bench`: one JSON line per benchmark on stdout, then a readable table.
 * Figures only; no assertions. PostgreSQL benchmarks run when the server answers.
 */
import { benchBookingRush, benchSlotSearch } from "./core.bench.ts";
import { benchParse } from "./parse.bench.ts";
import { benchMailRoundtrip } from "./mail-roundtrip.bench.ts";
import { benchChatTurn } from "./chat-turn.bench.ts";
import { benchWaitlistMatch } from "./waitlist.bench.ts";
import { serverAvailable } from "./support.ts";

type Figures = { name: string } & Record<string, unknown>;
type Bench = { name: string; run: () => Promise<Figures | Figures[]> };

const server = await serverAvailable();
const only = process.argv.slice(2);

const benches: Bench[] = [
  ...(server ? [{ name: "booking-rush", run: () => benchBookingRush("postgres") }] : []),
  { name: "booking-rush", run: () => benchBookingRush("pglite") },
  ...(server ? [{ name: "slot-search", run: () => benchSlotSearch("postgres") }] : []),
  { name: "slot-search", run: () => benchSlotSearch("pglite") },
  { name: "parse", run: benchParse },
  ...(server ? [{ name: "chat-turn", run: () => benchChatTurn({ kind: "postgres" }) as Promise<Figures[]> }] : []),
  { name: "chat-turn", run: () => benchChatTurn({ kind: "pglite" }) as Promise<Figures[]> },
  ...(server ? [{ name: "mail-roundtrip", run: () => benchMailRoundtrip("postgres") as Promise<Figures> }] : []),
  { name: "mail-roundtrip", run: () => benchMailRoundtrip("pglite") as Promise<Figures> },
  ...(server ? [{ name: "waitlist-match", run: () => benchWaitlistMatch("postgres") as Promise<Figures> }] : []),
];

const results: Figures[] = [];
for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  try {
    for (const figures of [await bench.run()].flat()) {
      results.push(figures);
      console.log(JSON.stringify(figures));
    }
  } catch (err) {
    const failed = { name: bench.name, error: (err as Error).message };
    results.push(failed);
    console.log(JSON.stringify(failed));
  }
}
if (!server) console.error("note: PostgreSQL not reachable at BENCH_DATABASE_URL/TEST_DATABASE_URL; server benchmarks skipped");

console.log("\n" + table(results));

function table(rows: Figures[]): string {
  const lines = rows.map((r) => {
    const { name, ...rest } = r;
    return [name, Object.entries(rest).map(([k, v]) => `${k}=${v}`).join("  ")];
  });
  const width = Math.max(...lines.map(([n]) => n!.length));
  return lines.map(([n, f]) => `${n!.padEnd(width)}  ${f}`).join("\n");
}
