/** A PostgreSQL connection URL (`postgres://` or `postgresql://`). */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** The host name a network database URL connects to; undefined for files, sockets and bad URLs. */
export function databaseHost(url: string): string | undefined {
  if (!/^(postgres(ql)?|libsql|https?|wss?):\/\//.test(url)) return undefined;
  try {
    // An IPv6 literal comes bracketed; the resolver takes it bare.
    return new URL(url).hostname.replace(/^\[(.*)\]$/, "$1") || undefined;
  } catch {
    return undefined;
  }
}

/** How long a failed connection waits to learn whether its host name resolves. */
const LOOKUP_MS = 3000;

/**
 * The host of `url` and the resolver's error when its name does not
 * resolve; null when it does, when the URL names no host, or when the
 * resolver does not answer in time. Asked after a connection failed: Bun's
 * PostgreSQL client reports a name that does not resolve as a refused
 * connection, and libSQL's clients as a bare `getaddrinfo` code or a failed
 * WebSocket.
 */
export async function unresolvedHost(url: string): Promise<{ host: string; error: Error } | null> {
  const host = databaseHost(url);
  if (!host) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOOKUP_MS);
    timer.unref?.();
  });
  const { lookup } = await import("node:dns/promises");
  const looked = lookup(host).then(
    () => null,
    (error: unknown) => ({
      host,
      error: error instanceof Error ? error : new Error(String(error)),
    }),
  );
  try {
    return await Promise.race([looked, late]);
  } finally {
    clearTimeout(timer);
  }
}
