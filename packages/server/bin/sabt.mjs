#!/usr/bin/env node
// Node.js 24 runs Sabt's TypeScript as it is: types are erased at load (the code uses only
// erasable syntax, checked by `erasableSyntaxOnly`), nothing is compiled.
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
