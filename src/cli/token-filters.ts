import { type Command, Option } from "commander";
import { suspectsText } from "../error-from-response.js";
import { type ApiTokenCountQuery, type ApiTokenListQuery, InvalidInputError, ServerError } from "../index.js";
import { parseIsoDateText } from "./iso-date.js";
import { parsePageSize, parseText, parseUnits } from "./option-values.js";
import { UsageError } from "./usage-error.js";

interface FilterOption {
  flags: string;
  /** The query parameter, which is also commander's camel-cased attribute name (except `q`). */
  param: keyof ApiTokenListQuery;
  attribute: string;
  description: string;
  parse?: (value: string) => number | string;
}

const dateFilters = (field: "createdAt" | "lastActiveAt", kebab: string, what: string): FilterOption[] => [
  {
    flags: `--${kebab}-search-type <type>`,
    param: `${field}SearchType`,
    attribute: `${field}SearchType`,
    description: `how to filter on ${what}: gt, lt or range (another value goes to the API as given)`,
  },
  {
    flags: `--${kebab}-uom <unit>`,
    param: `${field}Uom`,
    attribute: `${field}Uom`,
    description: `unit of --${kebab}-value, e.g. day`,
  },
  {
    flags: `--${kebab}-value <n>`,
    param: `${field}Value`,
    attribute: `${field}Value`,
    description: `how many units ago (gt/lt search)`,
    parse: parseUnits,
  },
  {
    flags: `--${kebab}-from <date-time>`,
    param: `${field}From`,
    attribute: `${field}From`,
    description: `start of a range search: an ISO 8601 date, or date-time with Z or an offset`,
    parse: parseIsoDateText,
  },
  {
    flags: `--${kebab}-to <date-time>`,
    param: `${field}To`,
    attribute: `${field}To`,
    description: `end of a range search: an ISO 8601 date, or date-time with Z or an offset`,
    parse: parseIsoDateText,
  },
  {
    flags: `--${kebab}-range-from <value>`,
    param: `${field}RangeFrom`,
    attribute: `${field}RangeFrom`,
    description:
      `start of a relative window (range search); its format is not documented, so it goes to the API as given ` +
      `(the --sandbox reads an ISO 8601 date-time, as --${kebab}-from)`,
  },
  {
    flags: `--${kebab}-range-to <value>`,
    param: `${field}RangeTo`,
    attribute: `${field}RangeTo`,
    description: `end of a relative window (range search); sent as given, as --${kebab}-range-from`,
  },
];

/** Every filter of the count and list operations, in the API's order. */
const filterOptions: FilterOption[] = [
  {
    flags: "--q, --query <text>",
    param: "q",
    attribute: "query",
    description: "free text, matched on token label, user name and email",
  },
  {
    flags: "--status <status>",
    param: "status",
    attribute: "status",
    description: "ALLOWED or BLOCKED (another value goes to the API as given)",
  },
  ...dateFilters("createdAt", "created-at", "the creation date"),
  ...dateFilters("lastActiveAt", "last-active-at", "the last-use date"),
];

/** Sort and paging of the list operation. */
const pagingOptions: FilterOption[] = [
  {
    flags: "--sort <field>",
    param: "sort",
    attribute: "sort",
    description: "field to sort by, - prefix for descending (e.g. -lastActiveAt)",
  },
  {
    flags: "--page-size <n>",
    param: "pageSize",
    attribute: "pageSize",
    description: "tokens per request (default: 1000, the most the API is known to take)",
    parse: parsePageSize,
  },
  {
    flags: "--cursor <cursor>",
    param: "cursor",
    attribute: "cursor",
    description: "start at this page (the `next` cursor of a previous page)",
  },
];

function addOptions(command: Command, options: FilterOption[]): Command {
  for (const def of options) {
    command.addOption(new Option(def.flags, def.description).argParser(def.parse ?? parseText));
  }
  return command;
}

/** Adds every filter of `tokens count` to a command. */
export function addFilterOptions(command: Command): Command {
  return addOptions(command, filterOptions);
}

/** Adds every filter plus sort and paging of `tokens list` to a command. */
export function addListOptions(command: Command): Command {
  return addOptions(command, [...filterOptions, ...pagingOptions]);
}

function pick(options: object, defs: FilterOption[]): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const def of defs) {
    const value = (options as Record<string, unknown>)[def.attribute];
    if (value !== undefined) query[def.param] = value;
  }
  return query;
}

/** The count query the parsed options ask for; options not given are left out, not sent empty. */
export function countQuery(options: object): ApiTokenCountQuery {
  return pick(options, filterOptions) as ApiTokenCountQuery;
}

/** The list query the parsed options ask for. */
export function listQuery(options: object): ApiTokenListQuery {
  return pick(options, [...filterOptions, ...pagingOptions]) as ApiTokenListQuery;
}

/** The option of every query parameter (`createdAtFrom`: `--created-at-from`; `q`: `--q`): for lists of names only. */
const optionOfAnyParam = new Map(
  [...filterOptions, ...pagingOptions].map((def) => [def.param as string, def.flags.split(/[ ,]/)[0] as string]),
);

/**
 * The option of each camel-cased query parameter, for running text: `q`, `status` and `sort` are left out, as words
 * they also appear in messages that do not mean the parameter.
 */
const optionOfParam = new Map([...optionOfAnyParam].filter(([param]) => /[A-Z]/.test(param)));

/** A double-quoted value (JSON-escaped, as the SDK quotes what it was given), or a camel-cased word. */
const QUOTED_OR_PARAM = /"(?:[^"\\]|\\.)*"|\b[a-z]+[A-Z][A-Za-z]*\b/g;

/**
 * The SDK's refusal of a query, said in the command line's words: `createdAtSearchType "range" needs createdAtFrom`
 * as `--created-at-search-type "range" needs --created-at-from`; a quoted value is left as it is. A server error's
 * list of the filters to check (its `suspectFilters`, at the message's end) names their options too: the error itself
 * is kept, its message reworded. Anything else is returned unchanged.
 */
export function inOptionWords(error: unknown): unknown {
  if (error instanceof ServerError) {
    const sdkWords = suspectsText(error.suspectFilters);
    if (sdkWords && error.message.endsWith(sdkWords)) {
      const cliWords = suspectsText(error.suspectFilters, (name) => optionOfAnyParam.get(name) ?? name);
      error.message = error.message.slice(0, -sdkWords.length) + cliWords;
    }
    return error;
  }
  if (!(error instanceof InvalidInputError)) return error;
  const message = error.message.replace(QUOTED_OR_PARAM, (match) => optionOfParam.get(match) ?? match);
  return message === error.message ? error : new UsageError(`${message} (nothing sent)`, { cause: error });
}
