/** One Server-Sent Event as an EventSource delivers it. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * A minimal EventSource over fetch (tests need headers, which the browser
 * EventSource cannot send): parses the stream as the SSE spec says and keeps
 * the last event id, which a reconnect sends as Last-Event-ID.
 */
export class SseClient {
  lastEventId: string | undefined;
  readonly events: SseEvent[] = [];
  comments = 0;
  private abort = new AbortController();
  private waiters: Array<() => void> = [];
  private ended = false;
  status = 0;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
  ) {}

  async connect(lastEventId = this.lastEventId): Promise<void> {
    this.abort = new AbortController();
    this.ended = false;
    const headers = { ...this.headers, accept: "text/event-stream" };
    if (lastEventId !== undefined) Object.assign(headers, { "last-event-id": lastEventId });
    const response = await fetch(this.url, { headers, signal: this.abort.signal });
    this.status = response.status;
    if (!response.ok || !response.body) return;
    this.read(response.body).catch(() => {});
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    let event: Partial<SseEvent> & { data?: string } = {};
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline = buffer.indexOf("\n");
        while (newline !== -1) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line === "") {
            if (event.data !== undefined) {
              if (event.id !== undefined) this.lastEventId = event.id;
              this.events.push({ id: event.id, event: event.event ?? "message", data: event.data });
            }
            event = {};
            this.notify();
          } else if (line.startsWith(":")) {
            this.comments++;
            this.notify();
          } else {
            const colon = line.indexOf(":");
            const field = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "data")
              event.data = event.data === undefined ? value : `${event.data}\n${value}`;
            else if (field === "id") event.id = value;
            else if (field === "event") event.event = value;
          }
          newline = buffer.indexOf("\n");
        }
      }
    } finally {
      this.ended = true;
      this.notify();
    }
  }

  private notify() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `predicate` holds; rejects after `ms` (a test failure, not a timed assertion). */
  async until(predicate: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`SSE: condition not met (${this.events.length} events)`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  get isEnded() {
    return this.ended;
  }

  close() {
    this.abort.abort();
  }
}
