#!/usr/bin/env node
// Many `prisma-oracle sql` (and validate/dmmf) runs in one process: each engine's WebAssembly is compiled once.
//
//   node scripts/oracle_batch.js ORACLE_DIR [6|7] < jobs.json > results.jsonl
//
// The engine is Prisma 6's (`sew6`) unless 7 is given (`sew7`, Prisma 7's: its schemas have no `url`).
// jobs.json is a list of {"from": PATH|null, "to": PATH|null, "summary": BOOL} (null: --empty;
// PATH a schema file or folder), or of {"cmd": "validate"|"dmmf", "files": [PATH...]} (several
// files are one schema, as for `prisma-oracle validate`; engine 6's prisma-schema-wasm, as there).
// One JSON line per job is printed, in order: {"stdout": "..."} or {"error": "..."} (validate:
// stdout "VALID", or error with Prisma's diagnostics). The engine and the offline stand-in for its database
// adapter are those of ../shared/tools/prisma-oracle/sql.js (engine 6), which answers the
// constructor's one question and refuses everything else; a diff between two schemas never
// needs more. Used by scripts/regen_migrate_goldens.py; the tests never run Node.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const oracleDir = process.argv[2];
const engineDir = process.argv[3] === '7' ? 'sew7' : 'sew6';

function schemaFiles(p) {
  if (!fs.statSync(p).isDirectory()) return [{ path: p, content: fs.readFileSync(p, 'utf8') }];
  const out = [];
  const walk = (d) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.prisma')) out.push({ path: full, content: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(p);
  return out;
}

function target(p) {
  return p === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: schemaFiles(p) };
}

function offlineAdapterFactory() {
  const ok = (value) => ({ ok: true, value });
  const refuse = () => ({ ok: false, error: { kind: 'GenericJs', id: 1 } });
  const adapter = {
    provider: 'postgres',
    adapterName: 'prisma-tools-oracle-batch',
    async queryRaw(q) {
      if (/pg_namespace/.test(q.sql) && /version\(\)/.test(q.sql)) {
        return ok({
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [5, 7, 0],
          rows: [[true, 'PostgreSQL 17.0 (offline stand-in)', 170000]],
        });
      }
      return refuse();
    },
    async executeRaw() { return refuse(); },
    async executeScript() { return refuse(); },
    async startTransaction() { return refuse(); },
    getConnectionInfo() { return ok({ schemaName: 'public', supportsRelationJoins: true }); },
    async dispose() { return ok(undefined); },
  };
  return {
    provider: 'postgres',
    adapterName: 'prisma-tools-oracle-batch',
    async connect() { return ok(adapter); },
    async connectToShadowDb() { return ok(adapter); },
  };
}

async function loadEngine() {
  const dir = path.join(oracleDir, 'node_modules', engineDir);
  const runtime = await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href + '?' + Date.now());
  const module = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return runtime;
}

function messageOf(e) {
  let msg = (e && e.message) || String(e);
  try { msg = JSON.parse(msg).message || msg; } catch (_) { /* plain text */ }
  return msg;
}

async function main() {
  const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
  let panic = null;
  global.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) { panic = m; } };
  let runtime = await loadEngine();
  let psl = null;
  for (const job of jobs) {
    let line;
    if (job.cmd === 'validate' || job.cmd === 'dmmf') {
      psl = psl || require(path.join(oracleDir, 'node_modules', 'psw6'));
      const schemas = job.files.map((f) => [f, fs.readFileSync(f, 'utf8')]);
      const input = JSON.stringify({ prismaSchema: schemas, noColor: true });
      try {
        line = { stdout: job.cmd === 'validate' ? (psl.validate(input), 'VALID') : psl.get_dmmf(input) };
      } catch (e) {
        line = { error: messageOf(e) };
      }
      process.stdout.write(JSON.stringify(line) + '\n');
      continue;
    }
    try {
      const engine = await runtime.SchemaEngine.new({ datamodels: undefined }, () => {}, offlineAdapterFactory());
      const result = await engine.diff({
        from: target(job.from),
        to: target(job.to),
        script: !job.summary,
        exitCode: null,
        shadowDatabaseUrl: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      engine.free();
      line = { stdout: result.stdout || '' };
    } catch (e) {
      line = { error: panic ? 'Schema engine panicked: ' + panic : messageOf(e) };
      if (panic) {
        panic = null;
        runtime = await loadEngine(); // a panicked instance is not reused
      }
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}

main().catch((e) => {
  console.error('oracle_batch: ' + ((e && e.stack) || e));
  process.exit(1);
});
