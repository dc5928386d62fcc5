#!/usr/bin/env node
import { ExitCode } from "./exit-codes.js";
import { processIo } from "./io.js";
import { main } from "./main.js";

// A reader that goes away (`| head`) ends the run at once, with the status SIGPIPE gives Unix tools: never 0, so a
// gate that reads part of an audit cannot pass for a run that did not finish.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(ExitCode.outputClosed);
  });
}

// exitCode rather than process.exit(): pending stdout writes to a pipe are flushed before the process ends.
process.exitCode = await main(process.argv, processIo());
