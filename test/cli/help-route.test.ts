import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { routeHelp, unknownCommandText } from "../../src/cli/help-route.js";

function program(): Command {
  const root = new Command("tool").option("--sandbox").option("--org <id>").option("--color [when]");
  const tokens = new Command("tokens");
  tokens.addCommand(new Command("list"));
  tokens.addCommand(new Command("count"));
  root.addCommand(tokens);
  root.addCommand(new Command("audit"));
  const accounts = new Command("service-accounts");
  accounts.addCommand(new Command("tokens").argument("<id>"));
  root.addCommand(accounts);
  return root;
}

const argv = (...args: string[]) => ["node", "tool", ...args];

describe("routeHelp", () => {
  it.each([
    [
      ["help", "tokens", "list"],
      ["tokens", "list", "--help"],
    ],
    [
      ["tokens", "list", "--help"],
      ["tokens", "list", "--help"],
    ],
    [
      ["tokens", "list", "-h"],
      ["tokens", "list", "--help"],
    ],
    [
      ["help", "tokens", "help", "list"],
      ["tokens", "list", "--help"],
    ],
    [
      ["help", "audit"],
      ["audit", "--help"],
    ],
    // Words after a command without subcommands are its operands: its help is shown.
    [
      ["help", "service-accounts", "tokens", "abc"],
      ["service-accounts", "tokens", "--help"],
    ],
    [
      ["service-accounts", "tokens", "abc", "--help"],
      ["service-accounts", "tokens", "--help"],
    ],
    // The program's own options before the words are kept, with their values.
    [
      ["--sandbox", "help", "tokens", "list"],
      ["--sandbox", "tokens", "list", "--help"],
    ],
    [
      ["--org", "x", "--color", "--sandbox", "tokens", "list", "-h"],
      ["--org", "x", "--color", "--sandbox", "tokens", "list", "--help"],
    ],
    [
      ["--org=x", "--color", "always", "help", "audit"],
      ["--org=x", "--color", "always", "audit", "--help"],
    ],
    // The flag anywhere after the words: the options with it, and their values, bad or not, are not read.
    [
      ["tokens", "list", "--help", "--format", "bogus"],
      ["tokens", "list", "--help"],
    ],
    [
      ["tokens", "list", "--limit", "0", "-h"],
      ["tokens", "list", "--help"],
    ],
    [
      ["--sandbox", "audit", "--as-of", "nope", "--help"],
      ["--sandbox", "audit", "--help"],
    ],
    [
      ["service-accounts", "tokens", "0f1e2d3c-4b5a", "--help", "--label", "x"],
      ["service-accounts", "tokens", "--help"],
    ],
    // The program's options may sit between the command words, as commander reads them: they are kept, in front.
    [
      ["tokens", "--sandbox", "list", "--help"],
      ["--sandbox", "tokens", "list", "--help"],
    ],
    [
      ["tokens", "--org", "x", "list", "--limit", "0", "-h"],
      ["--org", "x", "tokens", "list", "--help"],
    ],
    // A `--` after `help` only says that words follow; a blank word asks for the program's help, as `help` does.
    [
      ["help", "--", "tokens", "list"],
      ["tokens", "list", "--help"],
    ],
    [["help", ""], ["--help"]],
    [["help", " "], ["--help"]],
    [["help", "", "\t"], ["--help"]],
    [
      ["help", "", "tokens"],
      ["tokens", "--help"],
    ],
    [
      ["help", "tokens", " ", "list"],
      ["tokens", "list", "--help"],
    ],
    [
      ["--sandbox", "help", "\t"],
      ["--sandbox", "--help"],
    ],
  ])("reads %j as %j", (args, expected) => {
    expect(routeHelp(program(), argv(...args))).toEqual({ kind: "parse", argv: argv(...expected) });
  });

  it.each([
    [["help", "tokens", "lis"], "lis", "tool tokens", ["list", "count"]],
    [["tokens", "lis", "--help"], "lis", "tool tokens", ["list", "count"]],
    [["help", "nope"], "nope", "tool", ["tokens", "audit", "service-accounts"]],
    [["--sandbox", "help", "tokens", "lis"], "lis", "tool tokens", ["list", "count"]],
    // `--org` takes the word after it as its value, even one that reads `help`; so does `--color`, whose value is
    // optional, as commander reads it.
    [["--org", "help", "tokens", "lis", "--help"], "lis", "tool tokens", ["list", "count"]],
    [["--color", "tokens", "list", "-h"], "list", "tool", ["tokens", "audit", "service-accounts"]],
    // A word that cannot name a command where one belongs: unknown too, not the help of what comes before it.
    [["help", "ATCTT3x=KEY"], "ATCTT3x=KEY", "tool", ["tokens", "audit", "service-accounts"]],
    [["help", "12"], "12", "tool", ["tokens", "audit", "service-accounts"]],
    [["x=y", "--help"], "x=y", "tool", ["tokens", "audit", "service-accounts"]],
    [["help", "tokens", "list/"], "list/", "tool tokens", ["list", "count"]],
    [["tokens", "li st", "--help"], "li st", "tool tokens", ["list", "count"]],
    [["help", "tokens", "--sandbox", "a\u001b[2J"], "a\u001b[2J", "tool tokens", ["list", "count"]],
    [["help", "--", "x=y"], "x=y", "tool", ["tokens", "audit", "service-accounts"]],
    [["help", "--", "tokns"], "tokns", "tool", ["tokens", "audit", "service-accounts"]],
    // After `help --` every word is a word: one starting with `-` names no command either.
    [["help", "--", "--sandbox", "tokens"], "--sandbox", "tool", ["tokens", "audit", "service-accounts"]],
    [["help", "--", "--"], "--", "tool", ["tokens", "audit", "service-accounts"]],
    [["help", "--", "tokens", "--", "list"], "--", "tool tokens", ["list", "count"]],
    [["help", " ", "x=y"], "x=y", "tool", ["tokens", "audit", "service-accounts"]],
  ])("stops %j at the unknown word", (args, word, under, choices) => {
    expect(routeHelp(program(), argv(...args))).toEqual({ kind: "unknown", word, under, choices });
  });

  it.each([
    [[]],
    [["help"]],
    [["--help"]],
    [["tokens", "list"]],
    [["help", "--org", "x"]],
    [["--org", "help", "tokens"]],
    [["--nope", "help", "tokens", "lis"]],
    [["--sandbox", "--help"]],
    // After `--`, "--help" is an operand.
    [["tokens", "list", "--", "--help"]],
  ])("leaves %j to commander", (args) => {
    expect(routeHelp(program(), argv(...args))).toEqual({ kind: "parse", argv: argv(...args) });
  });

  it("words the error with the commands there are", () => {
    expect(unknownCommandText({ kind: "unknown", word: "lis", under: "tool tokens", choices: ["list", "count"] })).toBe(
      "error: unknown command 'lis' in 'tool tokens' (its commands: list, count)\n(add --help for usage)\n",
    );
  });

  it.each(["ATCTT3x=KEY", "a\u001b[2Jb", "tokens list", "12"])(
    "words the error for %j, which cannot be a command name, without showing it",
    (word) => {
      expect(unknownCommandText({ kind: "unknown", word, under: "tool", choices: ["tokens", "audit"] })).toBe(
        "error: unknown command '...' in 'tool' (not shown: it is not a command name; its commands: tokens, audit)\n(add --help for usage)\n",
      );
    },
  );
});
