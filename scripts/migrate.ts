// Applies committed migrations to DATABASE_PATH (default data/portal.db). Safe to run twice.
import { migrateDatabase, openDatabase, resolveDatabasePath } from "@db/client";

const file = resolveDatabasePath();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${file}`);
