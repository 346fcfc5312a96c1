import { describe, expect, it } from "vitest";
import { codeForStatus, CreemError, isCreemError, parseErrorBody } from "@/lib/creem/errors";
import { json, TEST_KEY, testClient } from "./fake-fetch";

const TRACE = "3f1c9a4e-2b7d-4c1e-9a55-0d1e2f3a4b5c";

function errorBody(status: number, error: string, message?: string | string[]) {
  return {
    trace_id: TRACE,
    status,
    error,
    ...(message === undefined ? {} : { message }),
    timestamp: 1706889600000,
  };
}

async function failure(promise: Promise<unknown>): Promise<CreemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CreemError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("HTTP error mapping", () => {
  const cases = [
    {
      status: 400,
      error: "Bad Request",
      code: "bad_request",
      user: "The request was invalid: product_id must be a string",
    },
    { status: 401, error: "Unauthorized", code: "unauthorized", user: /not set up correctly/ },
    { status: 403, error: "Forbidden", code: "forbidden", user: /not set up correctly/ },
    { status: 404, error: "Not Found", code: "not_found", user: "The requested item was not found." },
    { status: 409, error: "Conflict", code: "conflict", user: /conflicts/ },
    { status: 410, error: "Gone", code: "gone", user: /no longer available/ },
    { status: 429, error: "Too Many Requests", code: "rate_limited", user: /busy.*try again/i },
    { status: 500, error: "Internal Server Error", code: "unavailable", user: /temporarily unavailable/ },
    { status: 503, error: "Service Unavailable", code: "unavailable", user: /temporarily unavailable/ },
  ] as const;

  for (const c of cases) {
    it(`maps ${c.status} to "${c.code}" with CREEM's trace id and messages`, async () => {
      const { client } = testClient(
        () =>
          json(
            errorBody(c.status, c.error, ["product_id must be a string", "units must be positive"]),
            c.status,
          ),
        { maxRetries: 0 },
      );
      const error = await failure(client.checkouts.create({ productId: "prod_1" }));
      expect(error.code).toBe(c.code);
      expect(error.status).toBe(c.status);
      expect(error.traceId).toBe(TRACE);
      expect(error.messages).toEqual(["product_id must be a string", "units must be positive"]);
      expect(error.endpoint).toBe("POST /v1/checkouts");
      expect(error.userMessage).toMatch(c.user);
      expect(error.message).toContain(TRACE);
      expect(error.message).toContain(String(c.status));
      expect(error.message).toContain("product_id must be a string");
      expect(isCreemError(error)).toBe(true);
      expect(error.name).toBe("CreemError");
    });
  }

  it("accepts a single string message or none at all", async () => {
    const single = testClient(() => json(errorBody(400, "Bad Request", "Email already in use"), 400));
    const one = await failure(single.client.checkouts.create({ productId: "prod_1" }));
    expect(one.messages).toEqual(["Email already in use"]);
    expect(one.userMessage).toBe("The request was invalid: Email already in use");

    const none = testClient(() => json(errorBody(400, "Bad Request"), 400));
    const empty = await failure(none.client.checkouts.create({ productId: "prod_1" }));
    expect(empty.messages).toEqual([]);
    expect(empty.userMessage).toBe("The request was invalid.");
    expect(empty.traceId).toBe(TRACE);
  });

  it("survives error bodies that are not CREEM's JSON", async () => {
    for (const body of ["<html>502 Bad Gateway</html>", "", "null", '["x"]', '{"message": 42}']) {
      const { client } = testClient(() => new Response(body, { status: 502 }), { maxRetries: 0 });
      const error = await failure(client.products.get("prod_1"));
      expect(error.code).toBe("unavailable");
      expect(error.status).toBe(502);
      expect(error.traceId).toBeUndefined();
      expect(error.messages).toEqual([]);
    }
  });

  it("gives license endpoints their documented meanings", async () => {
    const expectations: Array<[number, RegExp]> = [
      [403, /activation limit/],
      [404, /not found/],
      [409, /already been deactivated/],
      [410, /revoked or has expired/],
    ];
    for (const [status, user] of expectations) {
      const { client } = testClient(() => json(errorBody(status, "x"), status));
      const error = await failure(client.licenses.activate({ key: "ABC", instanceName: "laptop" }));
      expect(error.userMessage).toMatch(user);
    }
  });

  it("truncates a long first message in the user message", async () => {
    const { client } = testClient(() => json(errorBody(400, "Bad Request", "x".repeat(500)), 400));
    const error = await failure(client.checkouts.create({ productId: "prod_1" }));
    expect(error.userMessage.length).toBeLessThan(260);
  });

  it("maps other statuses sensibly", () => {
    expect(codeForStatus(422)).toBe("bad_request");
    expect(codeForStatus(504)).toBe("unavailable");
    expect(codeForStatus(302)).toBe("invalid_response");
  });

  it("leaves the query string (which may hold an e-mail address) out of the endpoint", async () => {
    const { client } = testClient(() => json(errorBody(404, "Not Found"), 404));
    const error = await failure(client.customers.getByEmail("person@example.com"));
    expect(error.endpoint).toBe("GET /v1/customers");
    expect(error.message).not.toContain("person@example.com");
  });
});

describe("the API key never leaks", () => {
  it("is redacted even when CREEM echoes it back, in every field", async () => {
    const { client } = testClient(
      () => json(errorBody(401, `Unauthorized ${TEST_KEY}`, [`Invalid API key ${TEST_KEY}`]), 401),
      { maxRetries: 0 },
    );
    const error = await failure(client.products.get("prod_1"));
    const everything = JSON.stringify({
      message: error.message,
      userMessage: error.userMessage,
      messages: error.messages,
      stack: error.stack,
      own: Object.entries(error),
    });
    expect(everything).not.toContain(TEST_KEY);
    expect(error.messages[0]).toBe("Invalid API key [redacted]");
  });

  it("is absent from network and timeout errors", async () => {
    const network = testClient(
      () => {
        throw new TypeError(`fetch failed for key ${TEST_KEY}`);
      },
      { maxRetries: 0 },
    );
    const netError = await failure(network.client.products.get("prod_1"));
    expect(netError.code).toBe("network");
    expect(`${netError.message} ${netError.userMessage} ${netError.stack}`).not.toContain(TEST_KEY);
  });
});

describe("parseErrorBody", () => {
  it("reads CREEM's error body leniently", () => {
    expect(parseErrorBody(JSON.stringify(errorBody(400, "Bad Request", ["a", "b"])))).toEqual({
      traceId: TRACE,
      error: "Bad Request",
      messages: ["a", "b"],
    });
    expect(parseErrorBody('{"message":["a", 3, ""]}').messages).toEqual(["a"]);
    expect(parseErrorBody("oops")).toEqual({ traceId: undefined, error: undefined, messages: [] });
  });
});
