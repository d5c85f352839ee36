// The `kpo` executable (bundled to out/cli/kpo.js with a #!/usr/bin/env node banner).
import { processIo } from './io';
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2), processIo());
