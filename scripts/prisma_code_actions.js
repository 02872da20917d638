#!/usr/bin/env node
// Prisma's own quick fixes (the language server's code actions) for schemas of our choosing.
//
//   node scripts/prisma_code_actions.js [--lint] < requests.json > answers.json
//
// (--lint: answer each request with Prisma's diagnostics instead, prisma-oracle lint's JSON.)
//
// requests.json: a list of {"files": [[name, text], ...], "target": name, "version": 6 or 7}. For each, Prisma's
// diagnostics of the target file (prisma-schema-wasm's lint) become the request's context, as
// Prisma's own test runner builds it, and the answer is the list of code actions Prisma offers
// (edits as LSP ranges: 0-based line, UTF-16 character), the files named file:///path/to/<name>.
// The engines are those of ../shared/tools/prisma-oracle (PRISMA_ORACLE_DIR overrides), which its
// wrapper installs on first use; "version" picks engine 6 (the default) or 7.
const fs = require('fs');
const path = require('path');

const dir = process.env.PRISMA_ORACLE_DIR || path.join(__dirname, '..', '..', 'shared', 'tools', 'prisma-oracle');
const engines = { 6: 'psw6', 7: 'psw7' };
const engine = version => require(path.join(dir, 'node_modules', engines[version || 6]));

function position(text, offset) {
  // JavaScript strings count UTF-16 units, as LSP characters do
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const uri = name => 'file:///path/to/' + name;
const requests = JSON.parse(fs.readFileSync(0, 'utf8'));
const lintOnly = process.argv.includes('--lint');
const answers = requests.map(({ files, target, version }) => {
  const wasm = engine(version);
  const schema = files.map(([name, text]) => [uri(name), text]);
  if (lintOnly) return JSON.parse(wasm.lint(JSON.stringify(schema)));
  const texts = Object.fromEntries(schema);
  const found = JSON.parse(wasm.lint(JSON.stringify(schema)));
  const diagnostics = found
    .filter(d => d.file_name === uri(target))
    .map(d => ({
      range: { start: position(texts[d.file_name], d.start), end: position(texts[d.file_name], d.end) },
      severity: d.is_warning ? 2 : 1,
      message: d.text,
    }));
  const params = {
    textDocument: { uri: uri(target) },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics },
  };
  return JSON.parse(wasm.code_actions(JSON.stringify(schema), JSON.stringify(params)));
});
process.stdout.write(JSON.stringify(answers, null, 1) + '\n');
