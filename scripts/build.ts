/**
 * Builds dist/crmd: one self-contained executable (`bun build --compile`).
 *
 * libSQL's `libsql` package loads its native module with a computed
 * `require(\`@libsql/${target}\`)`, which the bundler cannot follow, so the
 * binary would die with "Cannot find module '@libsql/linux-x64-gnu'" away from
 * node_modules. The plugin below rewrites that call into a static require of
 * this platform's `index.node`, which Bun then embeds.
 */
import { familySync, MUSL } from "detect-libc";

const arch = process.arch === "arm64" ? "arm64" : process.arch;
const libc = process.platform === "linux" ? (familySync() === MUSL ? "musl" : "gnu") : "";
const target = [process.platform, arch, libc].filter(Boolean).join("-");
const nativeModule = require.resolve(`@libsql/${target}/index.node`);

const started = performance.now();
const result = await Bun.build({
  // The read worker is its own entrypoint so the binary embeds it.
  entrypoints: ["src/main.ts", "db/read-worker.ts"],
  target: "bun",
  minify: true,
  sourcemap: "linked",
  bytecode: true,
  compile: { outfile: "dist/crmd" },
  plugins: [
    {
      name: "libsql-static-native",
      setup(build) {
        build.onLoad({ filter: /node_modules[\\/]libsql[\\/]index\.js$/ }, async (args) => {
          const source = await Bun.file(args.path).text();
          const patched = source.replace(
            /function requireNative\(\) \{[\s\S]*?\n\}\n/,
            `function requireNative() {\n  return require(${JSON.stringify(nativeModule)});\n}\n`,
          );
          if (patched === source)
            throw new Error("libsql/index.js changed: update scripts/build.ts");
          return { contents: patched, loader: "js" };
        });
      },
    },
  ],
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
console.log(`built dist/crmd for ${target} in ${Math.round(performance.now() - started)} ms`);
