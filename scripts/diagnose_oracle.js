#!/usr/bin/env node
// Prisma's own `diagnoseMigrationHistory` (the engine call behind `prisma migrate status`) for
// scripted migration histories, and the statements of its `reset`, without a database:
//
//   node scripts/diagnose_oracle.js ORACLE_DIR < jobs.json > answers.json
//
// jobs.json is {"diagnose": [CASE, ...], "reset": [RESET, ...]}; the answer has the same two lists.
// A CASE is {"local": [[NAME, SCRIPT], ...], "rows": [ROW, ...] | null, "lock": TEXT | null},
// a ROW being the eight columns of `_prisma_migrations` in the engine's order (id, checksum,
// finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) and
// "rows": null a database without the table. The engine (engine 6 of ../shared/tools/prisma-oracle)
// is given a stand-in for its database adapter that answers the two questions it asks: the
// constructor's probe and `SELECT ... FROM "_prisma_migrations" ORDER BY "started_at"` (the rows
// as given, or PostgreSQL's 42P01 "relation does not exist"). One answer per case, in order: the
// engine's output object, or {"error": MESSAGE}. A RESET is {"schema": TEXT, "schemaName": NAME}:
// a schema file and the connection's default schema (the URL's ?schema=); its answer lists the
// statements the engine's `reset` sends (the stand-in accepts them all). Used by
// scripts/regen_status_goldens.py; the tests never run Node.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const oracleDir = process.argv[2];

async function loadEngine() {
  const dir = path.join(oracleDir, 'node_modules', 'sew6');
  const runtime = await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href);
  const module = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return runtime;
}

const COLUMNS = ['id', 'checksum', 'finished_at', 'migration_name', 'logs', 'rolled_back_at', 'started_at', 'applied_steps_count'];
const TEXT = 7;
const DATETIME = 10;
const INT32 = 0;

function adapterFactory(rows, schemaName = 'public', sent = []) {
  const ok = (value) => ({ ok: true, value });
  const refuse = () => ({ ok: false, error: { kind: 'GenericJs', id: 1 } });
  const adapter = {
    provider: 'postgres',
    adapterName: 'diagnose-oracle',
    async queryRaw(q) {
      if (/pg_namespace/.test(q.sql) && /version\(\)/.test(q.sql)) {
        return ok({ columnNames: ['exists', 'version', 'numeric_version'], columnTypes: [5, TEXT, INT32], rows: [[true, 'PostgreSQL 17.0', 170000]] });
      }
      if (/FROM "_prisma_migrations"/.test(q.sql)) {
        if (rows === null) {
          return { ok: false, error: { kind: 'postgres', code: '42P01', severity: 'ERROR', message: 'relation "_prisma_migrations" does not exist' } };
        }
        return ok({ columnNames: COLUMNS, columnTypes: [TEXT, TEXT, DATETIME, TEXT, TEXT, DATETIME, DATETIME, INT32], rows });
      }
      return refuse();
    },
    async executeRaw(q) { sent.push(q.sql); return ok(0); },
    async executeScript(script) { sent.push(script); return ok(undefined); },
    async startTransaction() { return refuse(); },
    getConnectionInfo() { return ok({ schemaName, supportsRelationJoins: true }); },
    async dispose() { return ok(undefined); },
  };
  return { provider: 'postgres', adapterName: 'diagnose-oracle', async connect() { return ok(adapter); }, async connectToShadowDb() { return ok(adapter); } };
}

function messageOf(e) {
  const msg = (e && e.message) || String(e);
  try { return JSON.parse(msg).message || msg; } catch (_) { return msg; }
}

const SCHEMA = 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://u@localhost/db"\n}\n';

async function main() {
  const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
  const runtime = await loadEngine();
  const answers = { diagnose: [], reset: [] };
  for (const c of jobs.diagnose) {
    const engine = await runtime.SchemaEngine.new({ datamodels: [['schema.prisma', SCHEMA]] }, () => {}, adapterFactory(c.rows));
    const migrationDirectories = c.local.map(([name, script]) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: script } },
    }));
    try {
      answers.diagnose.push(await engine.diagnoseMigrationHistory({
        migrationsList: { baseDir: 'migrations', lockfile: { path: 'migration_lock.toml', content: c.lock }, migrationDirectories, shadowDbInitScript: '' },
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      }));
    } catch (e) {
      answers.diagnose.push({ error: messageOf(e) });
    }
    engine.free();
  }
  for (const r of jobs.reset) {
    const sent = [];
    const engine = await runtime.SchemaEngine.new({ datamodels: [['schema.prisma', r.schema]] }, () => {}, adapterFactory([], r.schemaName, sent));
    try {
      await engine.reset({ filter: { externalTables: [], externalEnums: [] } });
      answers.reset.push({ statements: sent });
    } catch (e) {
      answers.reset.push({ error: messageOf(e) });
    }
    engine.free();
  }
  process.stdout.write(JSON.stringify(answers, null, 2) + '\n');
}

main().catch((e) => {
  console.error('diagnose_oracle: ' + ((e && e.stack) || e));
  process.exit(1);
});
