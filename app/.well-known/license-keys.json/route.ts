import { CORS_HEADERS, licenseKeyring } from "@/lib/licenses/http";
import { jwkSet } from "@/lib/licenses/tokens";

export const dynamic = "force-dynamic";

// The public keys that verify offline license tokens, as a JWK set (current key first, then the previous
// keys still published for rotation). Apps look a token's `kid` up here, or ship the key built in.
export function GET() {
  return Response.json(jwkSet(licenseKeyring().published), {
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET",
      "cache-control": "public, max-age=300",
    },
  });
}
