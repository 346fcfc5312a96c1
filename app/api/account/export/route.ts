import { getCurrentUser } from "@/lib/auth";
import { exportUserData } from "@/lib/account/export";

export const dynamic = "force-dynamic";

// "Export my data" on the account page: the signed-in user's own data as a JSON download.
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to export your data." }, { status: 401 });
  const data = await exportUserData(user.id);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="account-data-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
