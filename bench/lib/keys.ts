/** An unlimited API key for `tenant`, made with the binary's own CLI (`crmd keys create`). */
export async function createBenchKey(
  binary: string,
  databaseUrl: string,
  tenant: string,
): Promise<string> {
  const args = [
    "keys",
    "create",
    "--tenant",
    tenant,
    "--scopes",
    "*",
    "--rate-limit",
    "1000000000",
  ];
  const proc = Bun.spawn([binary, ...args, "--database-url", databaseUrl], {
    stdout: "pipe",
    stderr: "inherit",
  });
  const out = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`crmd ${args.join(" ")} failed`);
  return JSON.parse(out).key as string;
}
