import { z } from "zod";
import type { Ctx } from "../context";
import { nowIso } from "../core/clock";
import { ApiError, conflict, notFound } from "../core/errors";
import { newId } from "../core/ids";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import type { LicenseRecord } from "../state/types";
import { activeInstanceCount, wireLicense, wireLicenseInstance } from "../wire/license";
import { paginate } from "../wire/pagination";

const activateSchema = z.object({ key: z.string().min(1), instance_name: z.string().min(1) });
const instanceSchema = z.object({ key: z.string().min(1), instance_id: z.string().min(1) });

/** 404 unknown key; 410 when the key was disabled (refund) or has expired. */
function usableLicense(ctx: Ctx, key: string): LicenseRecord {
  const license = ctx.store.licenseByKey(key);
  if (!license) throw notFound("License key");
  const expired = license.expires_at !== null && Date.parse(license.expires_at) <= Date.now();
  if (expired) license.status = "expired";
  if (license.status === "disabled") throw new ApiError(410, ["License key has been revoked"]);
  if (license.status === "expired") throw new ApiError(410, ["License key has expired"]);
  return license;
}

function instanceOf(license: LicenseRecord, instanceId: string) {
  const instance = license.instances.find((i) => i.id === instanceId);
  if (!instance) throw notFound("License instance");
  return instance;
}

export function registerLicenseRoutes(router: Router, ctx: Ctx): void {
  router.add("POST", "/v1/licenses/activate", "api", (req) => {
    const input = validate(activateSchema, parseJson(req.body));
    const license = usableLicense(ctx, input.key);
    if (license.activation_limit !== null && activeInstanceCount(license) >= license.activation_limit) {
      throw new ApiError(403, [`Activation limit of ${license.activation_limit} reached`]);
    }
    const instance = {
      id: newId("inst"),
      name: input.instance_name,
      status: "active" as const,
      created_at: nowIso(),
    };
    license.instances.push(instance);
    license.status = "active";
    return json(wireLicense(license, instance));
  });

  router.add("POST", "/v1/licenses/validate", "api", (req) => {
    const input = validate(instanceSchema, parseJson(req.body));
    const license = usableLicense(ctx, input.key);
    return json(wireLicense(license, instanceOf(license, input.instance_id)));
  });

  /** A license's instances, oldest first; `{id}` is the license id (its key is accepted too). */
  router.add("GET", "/v1/licenses/:id/instances", "api", (req) => {
    const id = req.params.id ?? "";
    const license = ctx.store.state.licenses[id] ?? ctx.store.licenseByKey(id);
    if (!license) throw notFound("License");
    const query = validate(pageQuery(10), queryObject(req.query));
    return json(paginate(license.instances.map(wireLicenseInstance), query.page_number, query.page_size));
  });

  router.add("POST", "/v1/licenses/deactivate", "api", (req) => {
    const input = validate(instanceSchema, parseJson(req.body));
    const license = usableLicense(ctx, input.key);
    const instance = instanceOf(license, input.instance_id);
    if (instance.status === "deactivated") throw conflict("License instance is already deactivated");
    instance.status = "deactivated";
    if (activeInstanceCount(license) === 0) license.status = "inactive";
    return json(wireLicense(license, instance));
  });
}
