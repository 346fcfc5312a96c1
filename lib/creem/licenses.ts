import { pageQuery, requireId, type PageParams } from "./request-utils";
import { pageOf, type Page } from "./schemas/common";
import { licenseInstanceSchema, licenseSchema, type License, type LicenseInstance } from "./schemas/license";
import type { Transport } from "./transport";

export interface ActivateLicenseInput {
  key: string;
  /** A label for the device or installation, e.g. its hostname. */
  instanceName: string;
}

export interface LicenseInstanceInput {
  key: string;
  instanceId: string;
}

const instancePageSchema = pageOf(licenseInstanceSchema);

export function licensesApi(request: Transport) {
  const post = (action: string, body: Record<string, unknown>) =>
    request({ method: "POST", path: `/v1/licenses/${action}`, body, schema: licenseSchema });

  return {
    /**
     * A license's instances (devices), oldest first: GET /v1/licenses/{id}/instances, as in the SDK's
     * LicenseInstanceListEntity and the local CREEM. Reads without activating anything.
     */
    async instances(licenseId: string, params: PageParams = {}): Promise<Page<LicenseInstance>> {
      return request({
        method: "GET",
        path: `/v1/licenses/${encodeURIComponent(requireId(licenseId, "licenseId"))}/instances`,
        query: pageQuery(params),
        schema: instancePageSchema,
      });
    },
    /** The returned license's `instance` is the new activation. */
    async activate(input: ActivateLicenseInput): Promise<License> {
      return post("activate", {
        key: requireId(input.key, "key"),
        instance_name: requireId(input.instanceName, "instanceName"),
      });
    },
    async validate(input: LicenseInstanceInput): Promise<License> {
      return post("validate", {
        key: requireId(input.key, "key"),
        instance_id: requireId(input.instanceId, "instanceId"),
      });
    },
    async deactivate(input: LicenseInstanceInput): Promise<License> {
      return post("deactivate", {
        key: requireId(input.key, "key"),
        instance_id: requireId(input.instanceId, "instanceId"),
      });
    },
  };
}
export type LicensesApi = ReturnType<typeof licensesApi>;
