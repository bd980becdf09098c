import { processIO } from '../cli/io.js';
import { runEval } from './cli.js';

process.exitCode = await runEval(process.argv.slice(2), processIO());
