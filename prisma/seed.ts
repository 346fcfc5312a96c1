import "dotenv/config";
import { createPrismaClient } from "../lib/prisma";

// Safe to run any number of times: every write is an upsert keyed on a unique field.
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = createPrismaClient(url);
  try {
    const demo = await db.user.upsert({
      where: { email: "demo@example.com" },
      update: {},
      create: { email: "demo@example.com", name: "Demo User", emailVerified: new Date() },
    });
    console.log(`Seeded demo user ${demo.email}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
