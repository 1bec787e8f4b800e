import type { InteractionRow } from "./service";

/** What a provider answered when it took a message. */
export interface Accepted {
  /** The provider's id of the message (Twilio's SID); null when it gives none. */
  providerId: string | null;
  /** Its answer as text (the SMTP reply, the provider's status). */
  response: string;
  /**
   * Recipients the server deferred (a 4xx to RCPT TO, such as 452 too many
   * recipients) while it took the message for the others: they are retried alone.
   */
  deferred: string[];
}

/** A provider's refusal; permanent ones (SMTP 5xx, HTTP 4xx) are not retried. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Sends one queued interaction of its type; throws on failure (SendFailure says whether to retry). */
export interface Channel {
  send(row: InteractionRow): Promise<Accepted>;
  close(): void;
}
