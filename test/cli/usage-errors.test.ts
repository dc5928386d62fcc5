import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ctrlC, runCaptured, testIo } from "./run-cli.js";

describe.concurrent("help asked for", () => {
  it.each([{ args: ["help"] }, { args: ["help", "audit"] }, { args: ["tokens", "help", "list"] }])(
    "prints help for $args and exits 0",
    async ({ args }) => {
      const { code, stdout } = await runCaptured(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: admin-api-access/);
    },
  );

  it.each([
    [["help", "tokens", "list"], "Usage: admin-api-access tokens list"],
    [["help", "service-accounts", "revoke"], "Usage: admin-api-access service-accounts revoke"],
    [["--org", "o-1", "help", "tokens", "list"], "Usage: admin-api-access tokens list"],
    [["--sandbox", "tokens", "count", "--help"], "Usage: admin-api-access tokens count"],
  ])("prints the nested command's own help for %j", async (args, usage) => {
    const { code, stdout } = await runCaptured(args);
    expect(code).toBe(0);
    expect(stdout.startsWith(usage)).toBe(true);
  });

  it.each([
    [
      ["help", "tokens", "lis"],
      "unknown command 'lis' in 'admin-api-access tokens' (its commands: list, count, revoke-all)",
    ],
    [["tokens", "lis", "--help"], "unknown command 'lis' in 'admin-api-access tokens'"],
    [["--sandbox", "help", "tokens", "lis"], "unknown command 'lis' in 'admin-api-access tokens'"],
    [["--org=o-1", "--timeout", "5000", "tokens", "lis", "-h"], "unknown command 'lis' in 'admin-api-access tokens'"],
    [
      ["help", "nope"],
      "unknown command 'nope' in 'admin-api-access' (its commands: tokens, service-accounts, audit, sandbox)",
    ],
  ])("refuses help for %j, a command that does not exist, with exit 2", async (args, message) => {
    const { code, stdout, stderr } = await runCaptured(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it.each([
    [["help", "x=y"], "admin-api-access", "tokens, service-accounts, audit, sandbox"],
    [["help", "ATCTT3xREALKEY0123456789"], "admin-api-access", "tokens, service-accounts, audit, sandbox"],
    [["help", "a\u001b]0;title\u0007"], "admin-api-access", "tokens, service-accounts, audit, sandbox"],
    [["help", "tokens", "ATCTT3xREALKEY0123456789"], "admin-api-access tokens", "list, count, revoke-all"],
    [["tokens", "list/", "--help"], "admin-api-access tokens", "list, count, revoke-all"],
  ])(
    "refuses help for %j, a word that cannot be a command name, saying so without showing it",
    async (args, under, choices) => {
      const { code, stdout, stderr } = await runCaptured(args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        `error: unknown command '...' in '${under}' (not shown: it is not a command name; its commands: ${choices})\n(add --help for usage)\n`,
      );
    },
  );

  it.each([
    [["--sandbox", "tokens", "revoke-all", "--dry-run=false"], "--dry-run"],
    [["--sandbox=yes", "tokens", "count"], "--sandbox"],
  ])("says a flag takes no value for %j, before any request", async (args, flag) => {
    const { code, stdout, stderr } = await runCaptured(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `error: option '${flag}' takes no value: give it alone, without '=...'\n(add --help for usage)\n`,
    );
  });

  it.each([
    [["--sandbox", "service-accounts", "count", "a1", ""], "A service account id given as an argument is empty"],
  ])("names the bad id as the command line calls it, for %j", async (args, message) => {
    const { code, stdout, stderr } = await runCaptured(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`error: ${message}`);
  });

  it("exits 2 when a command group is run without its subcommand", async () => {
    const { code, stderr } = await runCaptured(["tokens"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Usage: admin-api-access tokens/);
  });
});

describe.concurrent("dates", () => {
  it.each(["90", "Nov 5", "2026-02-30", "2026-11-01T09:30:00"])(
    "refuses audit --as-of %j with exit 2, naming the option, before any request",
    async (value) => {
      const { code, stderr } = await runCaptured(["--sandbox", "audit", "--as-of", value]);
      expect(code).toBe(2);
      expect(stderr).toContain(`option '--as-of <date-time>' argument '${value}' is invalid`);
      expect(stderr).toContain("expected an ISO 8601 date");
    },
  );

  it("judges audit --as-of a date as of its midnight UTC", async () => {
    const { code, stdout } = await runCaptured(["--sandbox", "audit", "--as-of", "2026-02-28", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).generatedAt).toBe("2026-02-28T00:00:00.000Z");
  });

  it.each(["--created-at-from", "--created-at-to", "--last-active-at-from", "--last-active-at-to"])(
    "refuses tokens list %s with an impossible date",
    async (flag) => {
      const { code, stderr } = await runCaptured(["--sandbox", "tokens", "list", flag, "2026-04-31"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`option '${flag} <date-time>' argument '2026-04-31' is invalid`);
    },
  );
});

describe.concurrent("sandbox sizes and ports", () => {
  it.each([
    { args: ["sandbox", "--tokens", "0"] },
    { args: ["--sandbox", "--sandbox-tokens", "0", "tokens", "count"] },
    { args: ["sandbox", "--tokens", "1000001"] },
    { args: ["--sandbox", "--sandbox-tokens", "100000000", "tokens", "count"] },
  ])("refuses no tokens, or more than a process can seed, the same way from both options: $args", async ({ args }) => {
    const { code, stderr } = await runCaptured(args);
    expect(code).toBe(2);
    expect(stderr).toContain("expected a whole number from 1 to 1000000");
  });

  it.each(["4294967296", "-1"])("refuses sandbox --seed %s with exit 2, naming the range", async (seed) => {
    const { code, stderr } = await runCaptured(["sandbox", "--seed", seed]);
    expect(code).toBe(2);
    expect(stderr).toContain(`option '--seed <n>' argument '${seed}' is invalid. expected a whole number from 0 to`);
  });

  it("refuses a --timeout longer than a timer takes, naming the option", async () => {
    const { code, stderr } = await runCaptured(["--sandbox", "--timeout", "2147483648", "tokens", "count"]);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--timeout <ms>' argument '2147483648' is invalid");
  });

  it.each(["99999", "65536", "-1", "http"])(
    "refuses sandbox --port %j with exit 2, naming the option",
    async (port) => {
      const { code, stderr } = await runCaptured(["sandbox", "--port", port]);
      expect(code).toBe(2);
      expect(stderr).toContain(`option '--port <n>' argument '${port}' is invalid`);
      expect(stderr).not.toContain("Unexpected failure");
    },
  );
});

describe.concurrent("empty option values", () => {
  it.each([
    ["--status", ["tokens", "count", "--status", ""]],
    ["--q", ["tokens", "count", "--q", ""]],
    ["--q", ["tokens", "count", "--q", " "]],
    ["--cursor", ["tokens", "list", "--cursor", ""]],
    ["--sort", ["tokens", "list", "--sort", ""]],
    ["--label", ["service-accounts", "tokens", "sa-1", "--label", ""]],
    ["--file", ["service-accounts", "count", "sa-1", "--file", ""]],
  ])("refuses an empty %s with exit 2, as an unset variable, before anything is sent", async (flag, args) => {
    const { code, stderr } = await runCaptured(["--sandbox", ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/argument ' ?' is invalid\. expected a value \(an empty one is usually an unset variable\)/);
    expect(stderr).toContain(flag);
  });
});

describe.concurrent("an org id or base URL starting with '-'", () => {
  it.each([
    [["--org", "--", "tokens", "count"], "--org"],
    [["--org", "--sandbox", "tokens", "count"], "--org"],
    [["--org=-o", "tokens", "count"], "--org"],
    [["--base-url", "--sandbox", "tokens", "count"], "--base-url"],
    [["--org", "o-1", "--base-url", "--", "tokens", "count"], "--base-url"],
    // The option swallowed takes a value of its own, which would be left as a stray command word.
    [["--org", "--api-key-file", "key.txt", "tokens", "count"], "--org"],
    [["--org", "--timeout", "5000", "tokens", "count"], "--org"],
    [["--base-url", "--org", "2a8c5d3e", "audit"], "--base-url"],
    [["tokens", "count", "--org", "--timeout", "5000"], "--org"],
    // Not the advice to add the --sandbox already given.
    [["--org", "--sandbox", "--sandbox-tokens", "5", "tokens", "count"], "--org"],
  ])("refuses %j with exit 2, saying %s needs a value, before anything is sent", async (args, flag) => {
    const { code, stdout, stderr } = await runCaptured(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^error: ${flag} needs a value, and was given a word starting with '-' instead`));
  });
});

describe.concurrent("a value starting with '-' and a request for help or the version", () => {
  it("is refused as it is read: a --help after it is not reached", async () => {
    const { code, stdout, stderr } = await runCaptured(["--org", "-x", "--help"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: --org needs a value/);
  });

  it.each([[["-V", "--org", "-x"]], [["tokens", "--help", "--org", "-x"]]])(
    "leaves %j to the help or version read before it",
    async (args) => {
      const { code, stdout, stderr } = await runCaptured(args);
      expect(code).toBe(0);
      expect(stdout).not.toBe("");
      expect(stderr).toBe("");
    },
  );
});

describe("an org id starting with '-' before ids read from stdin", () => {
  it("is refused before stdin is read: the run does not wait for ids that never come", async () => {
    const err: string[] = [];
    const io = testIo({ stderr: { write: (text: string) => void err.push(text) } });
    const run = main(["node", "admin-api-access", "--org", "-x", "service-accounts", "count", "--file", "-"], io);
    const outcome = await Promise.race([run, new Promise((r) => setTimeout(() => r("still waiting"), 3_000))]);
    expect(outcome).toBe(2);
    expect(err.join("")).toMatch(/^error: --org needs a value, and was given a word starting with '-' instead/);
  });
});

describe.concurrent("--sandbox with options it replaces", () => {
  it.each([
    [["--org", "o-1"], "--org"],
    [["--base-url", "http://127.0.0.1:9"], "--base-url"],
    [["--api-key-file", "key.txt", "--org", "o-1"], "--org, --api-key-file"],
  ])("refuses %j with exit 2 instead of ignoring it", async (extra, named) => {
    const { code, stderr } = await runCaptured(["--sandbox", ...extra, "tokens", "count"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`--sandbox uses its own org, key and address, so ${named} would be ignored`);
  });
});

describe.concurrent("the sandbox command with global options it would ignore", () => {
  /** Runs `args`; a sandbox started by mistake is stopped by a Ctrl-C after 3 s, so the run ends either way. */
  const run = async (args: string[]) => {
    const { onInterrupt, press } = ctrlC();
    const err: string[] = [];
    const io = testIo({ stderr: { write: (text: string) => void err.push(text) }, onInterrupt });
    const stop = setTimeout(press, 3_000);
    const code = await main(["node", "admin-api-access", ...args], io);
    clearTimeout(stop);
    return { code, stderr: err.join("") };
  };

  it.each([
    [["--sandbox-tokens", "5", "--sandbox", "sandbox"], "--sandbox-tokens (use sandbox --tokens <n>), --sandbox"],
    [["sandbox", "--sandbox-tokens", "5", "--sandbox"], "--sandbox-tokens (use sandbox --tokens <n>), --sandbox"],
    [["sandbox", "--org", "o-1"], "--org"],
    [["--base-url", "http://127.0.0.1:9", "sandbox"], "--base-url (use sandbox --port <n>)"],
    [["--api-key-file", "key.txt", "sandbox", "--tokens", "5"], "--api-key-file"],
    [["sandbox", "--timeout", "5000"], "--timeout"],
  ])("refuses %j with exit 2, naming what it would ignore", async (args, named) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: sandbox /);
    expect(stderr).toContain(`would ignore ${named}:`);
  });

  /** The options a help text lists, as their terms (`--port <n>`, `-h, --help`), in order. */
  const listed = (help: string) =>
    help
      .split("\n")
      .filter((line) => /^ {2}-/.test(line))
      .map((line) => line.trim().split(/ {2,}/)[0]);

  it.each([[["sandbox", "--help"]], [["help", "sandbox"]]])(
    "leaves the global options it refuses out of its help, %j",
    async (args) => {
      const { code, stdout } = await runCaptured(args);
      expect(code).toBe(0);
      expect(listed(stdout)).toEqual([
        "--port <n>",
        "--seed <n>",
        "--tokens <n>",
        "-h, --help",
        "-V, --version",
        "--verbose",
        "--no-color",
      ]);
    },
  );

  it("still lists every global option in the help of the other commands", async () => {
    const { stdout } = await runCaptured(["tokens", "count", "--help"]);
    for (const term of ["--api-key-file <path>", "--org <id>", "--base-url <url>", "--sandbox", "--timeout <ms>"]) {
      expect(listed(stdout)).toContain(term);
    }
  });
});

describe.concurrent("an option that takes one value, given twice", () => {
  it.each([
    [["tokens", "count", "--status", "BLOCKED", "--status", "ALLOWED"], "--status"],
    [["tokens", "list", "--q", "a", "--query", "b"], "--query"],
    [["tokens", "list", "--page-size", "10", "--page-size", "20"], "--page-size"],
    [["tokens", "list", "--cursor", "a", "--cursor", "b"], "--cursor"],
    [["tokens", "list", "--sort", "label", "--sort", "-label"], "--sort"],
    [["tokens", "list", "--limit", "5", "--limit", "6"], "--limit"],
    [["tokens", "list", "--format", "json", "--format", "csv"], "--format"],
    [["tokens", "count", "--created-at-value", "3", "--created-at-value", "4"], "--created-at-value"],
    [["audit", "--stale-days", "30", "--stale-days", "60"], "--stale-days"],
    [["--timeout", "100", "tokens", "count", "--timeout", "200"], "--timeout"],
  ])("refuses %j with exit 2, naming the option, nothing sent", async (args, flag) => {
    const { code, stdout, stderr } = await runCaptured(["--sandbox", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`error: ${flag} was given more than once: it takes one value, so give it once.\n`);
  });

  it("keeps service-accounts count --file repeatable, as documented", async () => {
    const { code, stderr } = await runCaptured([
      "--sandbox",
      "service-accounts",
      "count",
      "--file",
      "a",
      "--file",
      "b",
    ]);
    expect(code).toBe(2);
    // Both (empty) files read: the ids are missing, not the option refused.
    expect(stderr).toContain("No service account ids");
  });
});

describe.concurrent("a whole number beyond the largest one taken", () => {
  it.each([
    [["audit", "--stale-days", "99999999999999999"], "--stale-days <n>", 0, 9007199254740991],
    [["audit", "--expiring-days", "9007199254740992"], "--expiring-days <n>", 0, 9007199254740991],
    [["tokens", "list", "--limit", "99999999999999999"], "--limit <n>", 1, 9007199254740991],
    // The API's integer parameters are int32: the SDK refuses more, so the CLI names that maximum.
    [["tokens", "list", "--page-size", "2147483648"], "--page-size <n>", 1, 2147483647],
    [["tokens", "count", "--created-at-value", "2147483648"], "--created-at-value <n>", 0, 2147483647],
  ])("is refused for %j with the range, its maximum named", async (args, option, min, max) => {
    const { code, stderr } = await runCaptured(["--sandbox", ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `option '${option}' argument '${args.at(-1)}' is invalid. expected a whole number from ${min} to ${max}`,
    );
  });
});

describe.concurrent("input the SDK refuses before sending anything", () => {
  it.each([
    [
      ["tokens", "list", "--created-at-search-type", "range", "--created-at-value", "3"],
      'error: --created-at-search-type "range" needs --created-at-from and/or --created-at-to (or --created-at-range-from / --created-at-range-to) (nothing sent)\n',
    ],
    [
      ["tokens", "count", "--last-active-at-search-type", "gt", "--last-active-at-uom", "day"],
      'error: --last-active-at-search-type "gt" needs --last-active-at-value (the API cannot run the search without it) (nothing sent)\n',
    ],
  ])("names the options, not the API's parameters, when the SDK refuses a filter: %j", async (args, message) => {
    const { code, stdout, stderr } = await runCaptured(["--sandbox", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(message);
  });

  it("is a usage error with the SDK's message, not an unexpected failure", async () => {
    const { code, stderr } = await runCaptured(["--sandbox", "service-accounts", "tokens", ".."]);
    expect(code).toBe(2);
    expect(stderr).toBe('error: The service account id cannot be ".." (nothing sent)\n');
  });
});

describe.concurrent("an unknown option", () => {
  const secret = "ATCTT3xREALKEY0123456789";

  it.each(["--api-key", "--apikey", "--token", "--password", "--secret", "--key"])(
    "never echoes the value of %s=... and says where the key goes",
    async (flag) => {
      const { code, stdout, stderr } = await runCaptured([`${flag}=${secret}`, "tokens", "count"]);
      expect(code).toBe(2);
      expect(stdout + stderr).not.toContain(secret);
      expect(stdout + stderr).not.toContain("REALKEY");
      expect(stderr).toContain(`unknown option '${flag}=...'`);
      expect(stderr).toContain("deliberately no option for the API key");
      expect(stderr).toContain("ATLASSIAN_ADMIN_API_KEY or pass --api-key-file");
    },
  );

  it("says where the key goes for --api-key given apart from its value", async () => {
    const { code, stderr } = await runCaptured(["tokens", "list", "--api-key", secret]);
    expect(code).toBe(2);
    expect(stderr).not.toContain(secret);
    expect(stderr).toContain("deliberately no option for the API key");
  });

  it.each([
    ["--api-key-file's path", ["--api-key-file", secret, "tokens", "count"]],
    ["--timeout's value", ["tokens", "count", "--timeout", secret]],
    ["--format's value", ["tokens", "list", "--format", secret]],
    ["an unknown short option's glued value", ["tokens", "count", `-k${secret}`]],
  ])("never echoes the environment's key as %s", async (_, args) => {
    const { code, stdout, stderr } = await runCaptured(args, { env: { ATLASSIAN_ADMIN_API_KEY: ` ${secret}\n` } });
    expect(code).toBe(2);
    expect(stdout + stderr).not.toContain("REALKEY");
    expect(stderr).not.toBe("");
  });

  it("never echoes the value of any other unknown --name=value either", async () => {
    const { code, stderr } = await runCaptured(["tokens", "list", `--bogus=${secret}`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: unknown option '--bogus=\.\.\.'\n/);
    expect(stderr).not.toContain(secret);
    expect(stderr).not.toContain("deliberately");
  });
});

describe("sandbox on a port it cannot listen on", () => {
  it("says the port is in use and how to pick another, and exits 3 as a sandbox that could not start", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const { code, stderr } = await runCaptured(["sandbox", "--port", String(port)]);
      expect(code).toBe(3);
      expect(stderr).toBe(
        `error: Port ${port} on 127.0.0.1 is already in use (another sandbox?): stop what holds it, or pick another with --port (0 picks a free one).\n`,
      );
    } finally {
      holder.close();
    }
  });
});
