// License keys under /v1/licenses: activate, validate, deactivate (rules in billing/licenses.ts) and a
// license's instances.
import { z } from "zod";
import { activate, deactivate, licenseByIdOrKey, validate as validateLicense } from "../billing/licenses";
import type { Ctx } from "../context";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import { wireLicense, wireLicenseInstance } from "../wire/license";
import { paginate } from "../wire/pagination";

const activateSchema = z.object({ key: z.string().min(1), instance_name: z.string().min(1) });
const instanceSchema = z.object({ key: z.string().min(1), instance_id: z.string().min(1) });

export function registerLicenseRoutes(router: Router, ctx: Ctx): void {
  const { store } = ctx;

  router.add("POST", "/v1/licenses/activate", "api", (req) => {
    const input = validate(activateSchema, parseJson(req.body));
    const { license, instance } = activate(store, input.key, input.instance_name);
    return json(wireLicense(license, instance));
  });

  router.add("POST", "/v1/licenses/validate", "api", (req) => {
    const input = validate(instanceSchema, parseJson(req.body));
    const { license, instance } = validateLicense(store, input.key, input.instance_id);
    return json(wireLicense(license, instance));
  });

  router.add("POST", "/v1/licenses/deactivate", "api", (req) => {
    const input = validate(instanceSchema, parseJson(req.body));
    const { license, instance } = deactivate(store, input.key, input.instance_id);
    return json(wireLicense(license, instance));
  });

  /** A license's instances, oldest first; `{id}` is the license id (its key is accepted too). */
  router.add("GET", "/v1/licenses/:id/instances", "api", (req) => {
    const license = licenseByIdOrKey(store, req.params.id ?? "");
    const query = validate(pageQuery(10), queryObject(req.query));
    return json(paginate(license.instances.map(wireLicenseInstance), query.page_number, query.page_size));
  });
}
