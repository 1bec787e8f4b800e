import { expect, test } from "bun:test";
import { parseMultipartStream } from "../plugins/documents/multipart";

/**
 * An upload is parsed as it arrives: a chunk handed on is not kept until
 * the body's end (a 200 MiB upload would hold 200 MiB). Checked without
 * measuring memory: weak references to the chunks of a long body, made as
 * they are sent, are cleared by a collection while the body is still
 * being read.
 */
test("the multipart parser keeps no chunk of the body once it has handed it on", async () => {
  const boundary = "retention";
  const encoder = new TextEncoder();
  const chunks = 400;
  const watched: WeakRef<Uint8Array>[] = [];
  let sent = -1;
  let alive: number | null = null;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === -1) {
        controller.enqueue(
          encoder.encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n` +
              "Content-Type: application/octet-stream\r\n\r\n",
          ),
        );
        sent = 0;
        return;
      }
      if (sent === chunks) {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      if (sent === chunks - 1) {
        // Near the end: the first 300 chunks were handed on long ago.
        Bun.gc(true);
        alive = watched.slice(0, 300).filter((ref) => ref.deref() !== undefined).length;
      }
      const chunk = new Uint8Array(16 * 1024).fill(sent & 0xff);
      watched.push(new WeakRef(chunk));
      controller.enqueue(chunk);
      sent++;
    },
  });
  let received = 0;
  await parseMultipartStream(body, `multipart/form-data; boundary=${boundary}`, () => ({
    write: async (chunk) => {
      received += chunk.length;
    },
    end: async () => {},
  }));
  expect(received).toBe(chunks * 16 * 1024);
  // A conservative collector may keep the odd one reachable from the stack, not hundreds.
  expect(alive).not.toBeNull();
  expect(alive as unknown as number).toBeLessThan(30);
});
