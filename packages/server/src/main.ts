/**
 * Composition root for the `faultline` executable: parse the command line and
 * hand over to the command. The server itself is wired in app.ts.
 */
import { runCli } from './cli/main.js';

const code = await runCli(process.argv.slice(2), process.env);
if (code >= 0) process.exit(code);
