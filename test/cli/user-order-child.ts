/**
 * Run as `node --import tsx test/cli/user-order-child.ts` with a locale in LC_ALL: prints the emails of users with the
 * same token count in the order the audit reports them.
 */
import { byTokensThenEmail } from "../../src/cli/audit.js";

const emails = ["zed@example.com", "äda@example.com", "ida@example.com", "ıda@example.com", "Ida@example.com"];
const users = emails.map((email, i) => ({ userId: `u${i}`, name: "", email, tokens: 1, flagged: 0 }));
process.stdout.write(JSON.stringify(byTokensThenEmail(users).map((user) => user.email)));
