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

describe("fields an action changes, sent to a create", () => {
  test("are 422 naming the action, as PATCH does; fields the create takes still work", async () => {
    const { api } = await server.tenant();
    await created(api, "/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }, { name: "Won", kind: "won" }],
    });
    /** The one field error of a create refused, with its message. */
    const refusedCreate = async (path: string, body: Record<string, unknown>) => {
      const reply = await refusal(api.post(`/api/external${path}`, body));
      expect({ path, status: reply.status, code: reply.code }).toEqual({
        path,
        status: 422,
        code: "VALIDATION_ERROR",
      });
      expect(reply.errors).toHaveLength(1);
      return reply.errors[0] as { path: string; message: string };
    };
    const notAField = "is not a field of this operation: ";

    expect(await refusedCreate("/deals", { title: "Big one", status: "won" })).toEqual({
      path: "/status",
      message: `${notAField}status is changed with POST /deals/{id}/move, or stage_id / stage here (won and lost stages close the deal, open ones reopen it)`,
    });
    expect(
      (await refusedCreate("/deals", { title: "Big one", won_at: "2026-01-01T00:00:00Z" })).message,
    ).toContain("won_at is set by a move to a won stage");
    // What the hint offers works on create: a won stage makes a won deal.
    expect((await created(api, "/deals", { title: "Closed", stage: "Won" })).status).toBe("won");

    expect(await refusedCreate("/tasks", { title: "Call", status: "completed" })).toEqual({
      path: "/status",
      message: `${notAField}status is changed once the task exists (it starts pending): with POST /tasks/{id}/complete, or status completed in PATCH /tasks/{id}`,
    });
    expect(
      (await refusedCreate("/tasks", { title: "Call", completed_at: "2026-01-01T00:00:00Z" }))
        .message,
    ).toBe(
      `${notAField}completed_at is set with POST /tasks/{id}/complete, or status completed in PATCH /tasks/{id}`,
    );

    expect(
      await refusedCreate("/leads", { name: "Ada", qualified_at: "2026-01-01T00:00:00Z" }),
    ).toEqual({
      path: "/qualified_at",
      message: `${notAField}qualified_at is set with POST /leads/{id}/qualify, or status qualified here`,
    });
    expect((await refusedCreate("/leads", { name: "Ada", converted_deal_id: "x" })).message).toBe(
      `${notAField}converted_deal_id is set with POST /leads/{id}/convert`,
    );
    const qualified = await created(api, "/leads", { name: "Ada", status: "qualified" });
    expect(qualified.qualified_at).not.toBeNull();

    const deal = await created(api, "/deals", { title: "Handed" });
    const handoff = await refusal(
      api.post(`/api/external/deals/${deal.id}/handoff`, { to_owner: "bob", status: "completed" }),
    );
    expect(handoff.errors).toEqual([
      {
        path: "/status",
        message: `${notAField}status is set with POST /handoffs/{id}/complete or POST /handoffs/{id}/cancel (a handoff starts pending)`,
      },
    ]);

    const contact = await created(api, "/contacts", { first_name: "Grace" });
    const archivedField = `${notAField}archived is changed with POST /conversations/{id}/archive and /unarchive`;
    expect(
      await refusedCreate("/conversations", { customer_id: contact.id, archived: true }),
    ).toEqual({ path: "/archived", message: archivedField });
    const conversation = await created(api, "/conversations", { customer_id: contact.id });
    for (const method of ["patch", "put"] as const) {
      const reply = await refusal(
        api[method](`/api/external/conversations/${conversation.id}`, { shared_with: ["bob"] }),
      );
      expect({ method, errors: reply.errors }).toEqual({
        method,
        errors: [
          {
            path: "/shared_with",
            message: `${notAField}shared_with is added to with POST /conversations/{id}/share`,
          },
        ],
      });
    }

    const secret = `${notAField}secret is made by crmd: shown once in the answer to POST /webhooks, replaced with POST /webhooks/{id}/rotate-secret`;
    const hook = { url: "https://hooks.example.com/crm", events: ["deal.*"] };
    expect(await refusedCreate("/webhooks", { ...hook, secret: "whsec_mine" })).toEqual({
      path: "/secret",
      message: secret,
    });
    // Seed 001's register and update bodies are taken as they are.
    const webhook = await created(api, "/webhooks", {
      ...hook,
      is_active: true,
      headers: { "X-Custom-Header": "value" },
    });
    const updated = await api.put(`/api/external/webhooks/${webhook.id}`, {
      url: "https://hooks.example.com/new",
      events: ["*"],
      is_active: true,
    });
    expect(updated.status).toBe(200);
    const rekeyed = await refusal(
      api.put(`/api/external/webhooks/${webhook.id}`, { secret: "whsec_mine" }),
    );
    expect(rekeyed.errors).toEqual([{ path: "/secret", message: secret }]);
  });
});
