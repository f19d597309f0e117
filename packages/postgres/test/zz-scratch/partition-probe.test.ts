import { it } from 'vitest';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { writeFileSync } from 'node:fs';

const base = `
CREATE TABLE club (id bigint PRIMARY KEY);
CREATE TABLE ev (id bigint NOT NULL, at timestamptz NOT NULL, kind text NOT NULL, note text, d text DEFAULT 'x', v varchar(10),
  club_id bigint, g int GENERATED ALWAYS AS (id::int * 2) STORED,
  CONSTRAINT ev_pkey PRIMARY KEY (id, at), CONSTRAINT ev_kind_check CHECK (kind <> ''),
  CONSTRAINT ev_note_at_key UNIQUE (note, at),
  CONSTRAINT ev_club_fk FOREIGN KEY (club_id) REFERENCES club (id)) PARTITION BY RANGE (at);
CREATE INDEX ev_kind_idx ON ev (kind);
CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE ev_2025 PARTITION OF ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE side (id bigint PRIMARY KEY, ev_id bigint, ev_at timestamptz);
INSERT INTO club SELECT g FROM generate_series(1,10) g;
INSERT INTO ev (id, at, kind, note, club_id) SELECT g, timestamptz '2024-06-01' + g * interval '4 hours', 'k', 'n' || g, g % 10 + 1 FROM generate_series(1, 3000) g;
INSERT INTO side SELECT g, g, timestamptz '2024-06-01' + g * interval '4 hours' FROM generate_series(1, 100) g;
`;

const probes: { name: string; prelude?: string; sql: string[]; minVersion?: number }[] = [
  { name: 'plain: catalog type indexed', prelude: 'ALTER TABLE side ADD COLUMN v varchar(10); CREATE INDEX side_v_idx ON side (v)', sql: ['ALTER TABLE side ALTER COLUMN v TYPE varchar(20)'] },
  { name: 'plain: catalog type unindexed', prelude: 'ALTER TABLE side ADD COLUMN v varchar(10)', sql: ['ALTER TABLE side ALTER COLUMN v TYPE varchar(20)'] },
  { name: 'plain: catalog type unique', prelude: 'ALTER TABLE side ADD COLUMN v varchar(10) UNIQUE', sql: ['ALTER TABLE side ALTER COLUMN v TYPE text'] },
  { name: 'plain: catalog type other col indexed', prelude: 'ALTER TABLE side ADD COLUMN v varchar(10)', sql: ['ALTER TABLE side ALTER COLUMN v TYPE text'] },
  { name: 'part: catalog type unindexed col', sql: ['ALTER TABLE ev ALTER COLUMN v TYPE text'] },
];

describeEachServer('probe', (server) => {
  const db = useTestDatabase(server);
  it('probes', async () => {
    const s = await db.connect();
    const { rows: vr } = await s.query<{ v: string }>(`SELECT current_setting('server_version_num') v`);
    const version = Number(vr[0]?.v);
    const out: Record<string, string[]> = {};
    let n = 0;
    for (const probe of probes) {
      if (probe.minVersion !== undefined && version < probe.minVersion) continue;
      const schema = `p${n++}`;
      await s.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public`);
      await s.query(base);
      if (probe.prelude) await s.query(probe.prelude);
      const { rows: names } = await s.query<{ oid: string; name: string }>(`SELECT c.oid::text oid, relname::text name FROM pg_class c JOIN pg_namespace n ON n.oid = relnamespace WHERE nspname = $1 AND relkind IN ('r','p')`, [schema]);
      const nameOf = new Map(names.map((r) => [r.oid, r.name]));
      await s.query('BEGIN');
      try {
        for (const sql of probe.sql) await s.query(sql);
        const { rows } = await s.query<{ oid: string; mode: string }>(`SELECT relation::text oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted`);
        const { rows: after } = await s.query<{ oid: string; name: string }>(`SELECT c.oid::text oid, relname::text name FROM pg_class c JOIN pg_namespace n ON n.oid = relnamespace WHERE nspname = $1 AND relkind IN ('r','p')`, [schema]);
        for (const r of after) nameOf.set(r.oid, r.name);
        out[probe.name] = [...new Set(rows.flatMap((r) => (nameOf.has(r.oid) ? [`${nameOf.get(r.oid)}:${r.mode.replace('Lock', '')}`] : [])))].sort();
      } catch (e) {
        out[probe.name] = [`ERROR ${(e as Error).message}`];
      }
      await s.query('ROLLBACK');
      await s.query(`DROP SCHEMA ${schema} CASCADE`);
    }
    writeFileSync(`/tmp/partition-probe-${server.label}.json`, JSON.stringify(out, null, 1));
  }, 120_000);
});
