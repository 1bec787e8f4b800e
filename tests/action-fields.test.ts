import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { created } from "./helpers/api";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The 422 a body naming `field` gets: status, code, and the one field error. */
async function refusal(reply: Promise<{ status: number; body: any }>) {
  const { status, body } = await reply;
  return { status, code: body.code, errors: body.errors, detail: body.detail };
}

describe("fields an action changes, sent to PATCH / PUT", () => {
  test("are 422 VALIDATION_ERROR naming the action route to use", async () => {
    const { api } = await server.tenant();
    await created(api, "/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }, { name: "Won", kind: "won" }],
    });
    const deal = await created(api, "/deals", { title: "Big one" });
    const task = await created(api, "/tasks", { title: "Call back" });
    const lead = await created(api, "/leads", { name: "Ada Lovelace" });

    const status = await refusal(api.patch(`/api/external/deals/${deal.id}`, { status: "won" }));
    expect(status).toEqual({
      status: 422,
      code: "VALIDATION_ERROR",
      errors: [
        {
          path: "/status",
          message:
            "is not a field of this operation: status is changed with POST /deals/{id}/move, or stage_id / stage here (won and lost stages close the deal, open ones reopen it)",
        },
      ],
      detail:
        "status: is not a field of this operation: status is changed with POST /deals/{id}/move, or stage_id / stage here (won and lost stages close the deal, open ones reopen it)",
    });
    const wonAt = await refusal(
      api.patch(`/api/external/deals/${deal.id}`, { won_at: "2026-01-01T00:00:00Z" }),
    );
    expect(wonAt.status).toBe(422);
    expect(wonAt.errors[0].message).toContain("won_at is set by a move to a won stage");
    expect(wonAt.errors[0].message).toContain("POST /deals/{id}/move");

    for (const method of ["patch", "put"] as const) {
      const reply = await refusal(
        api[method](`/api/external/tasks/${task.id}`, {
          title: "Call back",
          completed_at: "2026-01-01T00:00:00Z",
        }),
      );
      expect(reply).toMatchObject({ status: 422, code: "VALIDATION_ERROR" });
      expect(reply.errors).toEqual([
        {
          path: "/completed_at",
          message:
            "is not a field of this operation: completed_at is set with POST /tasks/{id}/complete, or status completed here",
        },
      ]);
    }

    const converted = await refusal(
      api.patch(`/api/external/leads/${lead.id}`, { converted_deal_id: deal.id }),
    );
    expect(converted).toMatchObject({ status: 422, code: "VALIDATION_ERROR" });
    expect(converted.errors).toEqual([
      {
        path: "/converted_deal_id",
        message:
          "is not a field of this operation: converted_deal_id is set with POST /leads/{id}/convert",
      },
    ]);

    const convertedStatus = await refusal(
      api.patch(`/api/external/leads/${lead.id}`, { status: "converted" }),
    );
    expect(convertedStatus).toMatchObject({ status: 422, code: "VALIDATION_ERROR" });
    expect(convertedStatus.errors).toEqual([
      {
        path: "/status",
        message:
          "must be one of: new, contacted, qualified, disqualified; converted is set with POST /leads/{id}/convert",
      },
    ]);

    // A field no action changes keeps the plain words; nothing was written.
    const unknown = await refusal(api.patch(`/api/external/deals/${deal.id}`, { colour: "red" }));
    expect(unknown.errors).toEqual([
      { path: "/colour", message: "is not a field of this operation" },
    ]);
    expect((await api.get(`/api/external/deals/${deal.id}`)).body.status).toBe("open");
    expect((await api.get(`/api/external/tasks/${task.id}`)).body.completed_at).toBeNull();
  });
});
