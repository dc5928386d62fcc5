import type { ApiToken } from "../../src/index.js";

/** A token with sensible defaults; tests override only what they are about. */
export function token(overrides: Partial<ApiToken> & { id: string }): ApiToken {
  return {
    label: `label-${overrides.id}`,
    status: "ALLOWED",
    createdAt: "2026-01-01T00:00:00Z",
    expiresAt: "2027-06-01T00:00:00Z",
    lastActiveAt: "2026-10-25T00:00:00Z",
    user: { id: "u1", name: "Mia Krystof", email: "mia@example.com" },
    ...overrides,
  };
}
