/**
 * Builds dist/crmd: one self-contained executable (`bun build --compile`).
 * Embedded databases run on bun:sqlite, built into the runtime; remote libSQL
 * goes through @libsql/client's HTTP/WebSocket client, plain JavaScript. No
 * native module is embedded, so the binary runs from any directory.
 */
export {};

const started = performance.now();
const result = await Bun.build({
  // The database worker (reads, checkpoints) is its own entrypoint so the binary embeds it.
  entrypoints: ["src/main.ts", "db/worker.ts"],
  target: "bun",
  // Identifiers stay unminified: Elysia recognises TypeBox's decode errors by
  // their class name (`error.constructor.name === "TransformDecodeError"`);
  // renamed, a failed query or body conversion was swallowed and the raw
  // value passed validation. (keepNames does not keep class names in Bun 1.4.)
  minify: { whitespace: true, syntax: true, identifiers: false },
  sourcemap: "linked",
  bytecode: true,
  // URLs up to 64 KiB reach crmd, which answers those over 16 KiB with its JSON 414
  // (Bun's own 431 for long headers has an empty body).
  compile: { outfile: "dist/crmd", execArgv: ["--max-http-header-size=65536"] },
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
console.log(`built dist/crmd in ${Math.round(performance.now() - started)} ms`);
