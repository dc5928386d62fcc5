import type { Command, Option } from "commander";
import { UsageError } from "./usage-error.js";

/** Options declared to take a value each time they are given (`service-accounts count --file`). */
const repeatableOptions = new WeakSet<Option>();

/** Marks `option` as one to give more than once, each value kept: `refuseRepeats` leaves it alone. */
export function repeatable(option: Option): Option {
  repeatableOptions.add(option);
  return option;
}

/**
 * Makes every option of `command` that takes a value refuse a second one (usage error, exit 2), but those marked
 * `repeatable`: commander keeps the last, so `--status BLOCKED --status ALLOWED` would quietly count ALLOWED. Call
 * it once per command of a program built for one run: an option counts its values for that run.
 */
export function refuseRepeats(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || repeatableOptions.has(option)) continue;
    const parse = option.parseArg;
    let given = false;
    option.argParser((value: string, previous: unknown) => {
      if (given) {
        const flag = option.long ?? option.flags;
        throw new UsageError(`${flag} was given more than once: it takes one value, so give it once.`);
      }
      given = true;
      return parse ? parse(value, previous) : value;
    });
  }
}
