import { describe, expect, it } from "vitest";
import { licenseStateFromCreem } from "@/lib/billing/account/license-state";
import { CreemError, type CreemClient } from "@/lib/creem";

// License status and activations as CREEM reports them, for the billing page to store and show.

const instance = (id: string, status: "active" | "deactivated") => ({ id, status });
const row = { id: "lic_1", key: "AAAAA-BBBBB", status: "inactive" };

function creemWith(instances: { id: string; status: string }[], validate: () => Promise<unknown>) {
  const calls: string[] = [];
  const client = {
    licenses: {
      instances: async (id: string) => {
        calls.push(`instances ${id}`);
        return { items: instances };
      },
      validate: async (input: { key: string; instanceId: string }) => {
        calls.push(`validate ${input.key} ${input.instanceId}`);
        return validate();
      },
    },
  } as unknown as CreemClient;
  return { client, calls };
}

describe("licenseStateFromCreem", () => {
  it("one device activated at CREEM: its status and count, read through that device", async () => {
    const { client, calls } = creemWith(
      [instance("inst_0", "deactivated"), instance("inst_1", "active")],
      async () => ({
        id: "lic_1",
        status: "active",
        activation: 1,
        activationLimit: 3,
        expiresAt: null,
      }),
    );
    expect(await licenseStateFromCreem(client, row)).toEqual({
      status: "active",
      activations: 1,
      activationLimit: 3,
      expiresAt: null,
    });
    expect(calls).toEqual(["instances lic_1", "validate AAAAA-BBBBB inst_1"]);
  });

  it("no active device: zero activations; an active key reads inactive, a revoked one stays revoked", async () => {
    const none = creemWith([instance("inst_0", "deactivated")], async () => ({}));
    expect(await licenseStateFromCreem(none.client, { ...row, status: "active" })).toEqual({
      activations: 0,
      status: "inactive",
    });
    expect(await licenseStateFromCreem(none.client, { ...row, status: "disabled" })).toEqual({
      activations: 0,
    });
    expect(none.calls).not.toContain(expect.stringMatching(/^validate/));
  });

  it("a key CREEM refuses (410) is stored as revoked or expired", async () => {
    const refused = (message: string) =>
      creemWith([instance("inst_1", "active")], async () => {
        throw new CreemError({
          code: "gone",
          status: 410,
          endpoint: "POST /v1/licenses/validate",
          messages: [message],
        });
      }).client;
    expect(await licenseStateFromCreem(refused("License key has been revoked"), row)).toEqual({
      status: "disabled",
      activations: 1,
    });
    expect(await licenseStateFromCreem(refused("License key has expired"), row)).toMatchObject({
      status: "expired",
    });
  });

  it("any other failure is left to the caller (which keeps the stored values, 'as of')", async () => {
    const { client } = creemWith([instance("inst_1", "active")], async () => {
      throw new CreemError({ code: "timeout", status: 0, endpoint: "POST /v1/licenses/validate" });
    });
    await expect(licenseStateFromCreem(client, row)).rejects.toBeInstanceOf(CreemError);
  });
});
