import { expect } from "bun:test";
import { ServerClock } from "../db/pg/server-clock";
import { testOnce } from "./helpers/database";

const never = () => new Promise<number>(() => {});
const HOUR = 3_600_000;

testOnce("a server clock runs on from its reading, and a reading older than it is dropped", () => {
  const clock = new ServerClock(never);
  const reading = Date.now() - HOUR; // a server an hour behind this host
  clock.observe(reading);
  const first = clock.now().getTime();
  expect(first).toBeGreaterThanOrEqual(reading);
  expect(first).toBeLessThan(reading + 60_000);
  // Taken on the server before the one in use (overtaken on the way): dropped.
  clock.observe(reading - 10_000);
  expect(clock.now().getTime()).toBeGreaterThanOrEqual(first);
  clock.observe(reading + 5_000);
  expect(clock.now().getTime()).toBeGreaterThanOrEqual(reading + 5_000);
});

testOnce(
  "a server clock reads the server's time when it has no reading, and tells the host's meanwhile",
  async () => {
    const server = Date.now() + HOUR;
    let reads = 0;
    const clock = new ServerClock(async () => {
      reads++;
      return server;
    });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    clock.now(); // one reading in flight at a time
    await Bun.sleep(0);
    expect(reads).toBe(1);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(server);
  },
);
