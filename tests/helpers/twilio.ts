/** What the fake Twilio answers next; undefined: 201 queued. */
export type TwilioAnswer = () => { status: number; body: Record<string, unknown> } | undefined;

export interface TwilioRequest {
  path: string;
  authorization: string | null;
  form: Record<string, string>;
}

/**
 * A local HTTP server speaking Twilio's Messages API shape (form POST, Basic
 * auth, JSON answer). `onRequest` runs before it answers (the request is
 * already recorded), so a test can hold the answer back.
 */
export function startTwilio(onRequest?: (request: TwilioRequest) => Promise<void>) {
  const requests: TwilioRequest[] = [];
  let answer: TwilioAnswer = () => undefined;
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const form = Object.fromEntries(new URLSearchParams(await request.text()));
      const received = {
        path: new URL(request.url).pathname,
        authorization: request.headers.get("authorization"),
        form,
      };
      requests.push(received);
      await onRequest?.(received);
      const refusal = answer();
      if (refusal) return Response.json(refusal.body, { status: refusal.status });
      const sid = `SM${String(requests.length).padStart(32, "0")}`;
      return Response.json(
        { sid, status: "queued", to: form.To, from: form.From },
        { status: 201 },
      );
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    answer: (next: TwilioAnswer) => {
      answer = next;
    },
    stop: () => server.stop(true),
  };
}
