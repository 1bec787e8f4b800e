/**
 * An SMTP server for the binary smoke test (smtp-server, no auth, no TLS):
 * prints its port, then writes each message it accepts to stdout as one
 * JSON line with its Message-ID and subject.
 */
import type { AddressInfo } from "node:net";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

const server = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", async () => {
      const email = await PostalMime.parse(Buffer.concat(chunks));
      console.log(JSON.stringify({ message_id: email.messageId, subject: email.subject }));
      callback(null);
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  console.log((server.server.address() as AddressInfo).port);
});
