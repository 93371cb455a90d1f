/**
 * One SQL path for both deployments: porsager's `postgres` client talks either to a PostgreSQL
 * server (DATABASE_URL) or to an embedded PGlite served on a loopback socket.
 *
 * Embedded caveat: PGlite is a single session, so a transaction blocks every other query until it
 * ends. Inside `sql.begin(tx => …)` always use `tx`, never the outer `sql`, or the process waits forever.
 */
import postgres, { type Sql } from "postgres";
import { createLogger } from "../log.ts";

const log = createLogger("database");

export interface Database {
  kind: "pglite" | "postgres";
  sql: Sql;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; absent = embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; absent = in memory (tests). */
  dataDir?: string | undefined;
  max?: number;
}

const quiet = { onnotice: () => {} };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const sql = postgres(options.url, { max: options.max ?? 10, ...quiet, connection: { application_name: "terminassistent" } });
    return { kind: "postgres", sql, close: () => sql.end({ timeout: 5 }) };
  }
  return openEmbedded(options);
}

async function openEmbedded(options: DatabaseOptions): Promise<Database> {
  const [{ PGlite }, { btree_gist }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/btree_gist"),
    import("@electric-sql/pglite-socket"),
  ]);
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { btree_gist } });
  // One connection: pglite-socket interleaves extended-protocol messages of parallel connections ("portal does not exist").
  const maxConnections = 1;
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  const sql = postgres({ host: "127.0.0.1", port, user: "postgres", database: "postgres", max: maxConnections, ...quiet });
  log.info({ action: "embedded_database", dataDir: options.dataDir ?? "memory" }, "embedded PGlite ready");
  return {
    kind: "pglite",
    sql,
    async close() {
      await sql.end({ timeout: 2 });
      await server.stop();
      await db.close();
    },
  };
}
