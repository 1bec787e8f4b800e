import { afterAll, beforeAll } from "bun:test";
import { startTestServer, type TestServer } from "./server";

/**
 * One test server for the whole file: started before the first test and
 * closed after the last. Returns the server; use it inside hooks and tests
 * only (it is not started while the file's top level runs).
 */
export function useTestServer(options: Parameters<typeof startTestServer>[0] = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as TestServer, {
    get(_, key) {
      if (!started) throw new Error("the test server starts in beforeAll; use it inside tests");
      const value = Reflect.get(started, key, started);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}
