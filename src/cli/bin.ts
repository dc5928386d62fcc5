#!/usr/bin/env node
import { processIo } from "./io.js";
import { main } from "./main.js";

// exitCode rather than process.exit(): pending stdout writes to a pipe are flushed before the process ends.
process.exitCode = await main(process.argv, processIo());
