-- Events aggregated into relations: the same rules as the app's event-table
-- import (src/core/io/event-windows.ts, docs/FORMATS.md "Event tables"),
-- in plain SQL so that it runs on DuckDB here and, with the changes listed
-- in docs/SCALE.md, on Spark SQL or BigQuery for the whole GDELT archive.
--
-- Input, made by the readers (scripts/duckdb/readers.ts):
--   events(pos, event_id, event_date, actor1, actor2, name1, name2,
--          goldstein, quad_class, quad_text, event_code, source_url,
--          short_row, ...)
--     pos: orders events (GLOBALEVENTID, from 0 to below 2^40); the first
--       event of a pair gives its direction, first appearances order the
--       actors, and it breaks ties between evidence of one date;
--     actor1/actor2: the actor's code, else its name; NULL when the row has none.
--   variables (SET VARIABLE): window_months, min_events, cooperation_at,
--     hostility_at, between_contact, max_evidence: the import's options.
-- Output: the tables counted, kinds, relations, relation_windows,
-- evidence_picks, actors and wanted_positions; picked.sql then reads the
-- picked events.
--
-- The events are read once, by the first statement: one streaming pass that
-- keeps a row per actor 1, actor 2, period and sign of the score, with the
-- keys of the few earliest events of each as evidence candidates. Everything
-- after it reads that table, which is small (pairs × periods), never the
-- events.

-- Whether a row is one to report rather than count (the import then stops):
-- checks.sql lists its problems, testing rows by this same condition. A table
-- format's reader lists its row's problems itself (tableReaders.ts); a GDELT
-- row's are read from its cells here.
CREATE OR REPLACE TEMP MACRO has_problem(problems, pos, event_date, short_row, goldstein,
    goldstein_text, quad_class, quad_text) AS
  CASE
    WHEN problems IS NOT NULL THEN len(problems) > 0
    ELSE pos IS NULL OR event_date IS NULL OR short_row
      OR goldstein < -10 OR goldstein > 10
      OR (goldstein IS NULL AND goldstein_text IS NOT NULL)
      OR (quad_class IS NULL AND quad_text IS NOT NULL)
      OR (goldstein IS NULL AND quad_class IS NULL)
  END;

-- Periods: the windows' greatest common piece. Windows count from January
-- of the earliest event's year (event-windows.ts, firstWindowStart), which
-- the pass does not know yet; a window of w months then always starts on a
-- multiple of gcd(w, 12) months, so periods of that length (a year, for
-- yearly windows) never straddle two windows.
CREATE OR REPLACE TEMP TABLE periods AS
WITH typed AS (
  SELECT
    pos,
    event_id,
    event_date,
    actor1,
    actor2,
    name1,
    name2,
    quad_class,
    quoted,
    type1,
    type2,
    no_event,
    row_weight,
    -- The score is the Goldstein value, else the QuadClass's score
    -- (event-columns.ts, QUAD_CLASS_SCORE).
    coalesce(goldstein, CASE quad_class WHEN 1 THEN 2.3 WHEN 2 THEN 6 WHEN 3 THEN -3.8 WHEN 4 THEN -7.7 END) AS score,
    goldstein IS NULL AS scored_from_quad_class,
    -- Rows checks.sql reports (the import then stops).
    has_problem(problems, pos, event_date, short_row, goldstein, goldstein_text,
      quad_class, quad_text) AS problem
  FROM events
)
SELECT
  -- Told apart by the group's keys, not per row: rows checks.sql reports,
  -- rows left out with a warning (one actor only, or the same actor
  -- twice), and events.
  CASE
    WHEN problem THEN 'problem'
    WHEN no_event THEN 'no event'
    WHEN actor1 IS NULL OR actor2 IS NULL THEN 'single actor'
    WHEN actor1 = actor2 THEN 'same actor'
    ELSE 'event'
  END AS row_kind,
  actor1,
  actor2,
  -- Months count from January of year 0, as in event-rows.ts.
  (year(event_date) * 12 + month(event_date) - 1) // gcd(getvariable('window_months'), 12)
    * gcd(getvariable('window_months'), 12) AS period,
  CAST(sign(score) AS TINYINT) AS score_sign,
  count(*) AS events,
  -- Rows read (an ACLED row may tell several events, or none).
  sum(row_weight) AS rows,
  -- Events with a quote, which evidence can show (GDELT's: all).
  count(*) FILTER (WHERE quoted) AS quoted_events,
  -- Summed as whole thousandths: exact (GDELT's scores have one decimal), so
  -- a mean exactly on a threshold does not flip with the order threads add in.
  sum(CAST(round(score * 1000) AS BIGINT)) AS score_milli,
  min(score) AS low_score,
  max(score) AS high_score,
  count(*) FILTER (WHERE scored_from_quad_class) AS scored_from_quad_class,
  count(*) FILTER (WHERE quad_class = 1) AS quad_1,
  count(*) FILTER (WHERE quad_class = 2) AS quad_2,
  count(*) FILTER (WHERE quad_class = 3) AS quad_3,
  count(*) FILTER (WHERE quad_class = 4) AS quad_4,
  count(*) FILTER (WHERE quad_class IS NULL) AS quad_none,
  min(pos) AS first_pos,
  -- Where each actor is first named; picked.sql reads the name itself
  -- (carrying names through this pass took a fifth of its time).
  min(pos) FILTER (WHERE name1 IS NOT NULL) AS name1_pos,
  min(pos) FILTER (WHERE name2 IS NOT NULL) AS name2_pos,
  -- Where the format first tells each actor's type (ICEWS, ACLED, GED).
  min(pos) FILTER (WHERE type1 IS NOT NULL) AS type1_pos,
  min(pos) FILTER (WHERE type2 IS NOT NULL) AS type2_pos,
  -- Evidence candidates: the earliest events by date, then pos, as keys
  -- (days since 0001-01-01 × 2^40 + pos: pos is below 2^40). A
  -- relation's evidence is its earliest events of one sign, then the others
  -- (event-notes.ts, pickEvidence), so no period needs more than
  -- max_evidence of each sign. Only the keys are kept: picked.sql reads
  -- the few picked rows in a second pass, which costs less than carrying
  -- every candidate's text through this one.
  min(
    (event_date - DATE '0001-01-01') * 1099511627776 + pos,
    greatest(getvariable('max_evidence'), 1)
  ) FILTER (WHERE quoted) AS candidates
FROM typed
GROUP BY problem, no_event, actor1, actor2, period, score_sign;

-- What was left out, and the rows checks.sql must report.
CREATE OR REPLACE TEMP TABLE counted AS
SELECT
  coalesce(sum(events) FILTER (WHERE row_kind = 'single actor'), 0) AS single_actor_rows,
  coalesce(sum(events) FILTER (WHERE row_kind = 'same actor'), 0) AS self_rows,
  coalesce(sum(events) FILTER (WHERE row_kind = 'problem'), 0) AS problem_rows,
  coalesce(sum(events) FILTER (WHERE row_kind = 'event'), 0) AS events,
  coalesce(sum(rows), 0) AS rows
FROM periods;

-- The events' periods, each with its pair (unordered) and window: windows
-- of window_months months counted from January of the earliest event's year.
-- A view: the four statements that read it each work it out again, which
-- costs less than copying periods with their evidence candidates into a
-- table (0.6-0.9 CPU-s less for a million GDELT rows: docs/SCALE.md).
CREATE OR REPLACE TEMP VIEW event_periods AS
WITH base AS (
  SELECT min(period) // 12 * 12 AS first_month FROM periods WHERE row_kind = 'event'
)
SELECT
  periods.*,
  least(actor1, actor2) AS actor_low,
  greatest(actor1, actor2) AS actor_high,
  CAST(
    first_month + (period - first_month) // getvariable('window_months') * getvariable('window_months')
    AS INTEGER
  ) AS window_start
FROM periods, base
WHERE row_kind = 'event';

-- One row per pair and window, with its kind (event-windows.ts,
-- windowKind): cooperation at or above cooperation_at; at or below
-- hostility_at, tension when every event has a QuadClass and none is
-- material conflict (4), else hostility; in between contact, or none.
CREATE OR REPLACE TEMP TABLE kinds AS
WITH windows AS (
  SELECT
    actor_low,
    actor_high,
    window_start,
    sum(events) AS events,
    sum(score_milli) AS score_milli,
    min(low_score) AS low_score,
    max(high_score) AS high_score,
    sum(scored_from_quad_class) AS scored_from_quad_class,
    sum(quad_1) AS quad_1,
    sum(quad_2) AS quad_2,
    sum(quad_3) AS quad_3,
    sum(quad_4) AS quad_4,
    sum(quad_none) AS quad_none,
    sum(quoted_events) AS quoted_events
  FROM event_periods
  GROUP BY actor_low, actor_high, window_start
)
SELECT
  windows.*,
  CAST(score_milli / (1000 * events) AS DOUBLE) AS mean_score,
  CASE
    WHEN events < getvariable('min_events') THEN 'sparse'
    WHEN score_milli >= getvariable('cooperation_at') * 1000 * events THEN 'cooperation'
    WHEN score_milli <= getvariable('hostility_at') * 1000 * events AND quad_none = 0 AND quad_4 = 0 THEN 'tension'
    WHEN score_milli <= getvariable('hostility_at') * 1000 * events THEN 'hostility'
    WHEN getvariable('between_contact') THEN 'contact'
    ELSE 'unsigned'
  END AS kind
FROM windows;

-- Consecutive windows of one kind between one pair make one relation
-- (gaps and islands: a relation starts where the previous kept window of
-- the pair has another kind or does not end where this one starts).
CREATE OR REPLACE TEMP TABLE islands AS
WITH kept AS (
  SELECT
    kinds.*,
    lag(kind) OVER pair_in_time AS previous_kind,
    lag(window_start) OVER pair_in_time AS previous_start
  FROM kinds
  WHERE kind NOT IN ('sparse', 'unsigned')
  WINDOW pair_in_time AS (PARTITION BY actor_low, actor_high ORDER BY window_start)
)
SELECT
  kept.*,
  sum(
    CASE
      WHEN previous_kind = kind AND previous_start + getvariable('window_months') = window_start THEN 0
      ELSE 1
    END
  ) OVER (PARTITION BY actor_low, actor_high ORDER BY window_start ROWS UNBOUNDED PRECEDING) AS island
FROM kept;

-- Direction and order of each pair: its first event.
CREATE OR REPLACE TEMP TABLE pairs AS
SELECT
  actor_low,
  actor_high,
  arg_min(actor1, first_pos) AS source,
  arg_min(actor2, first_pos) AS target,
  min(first_pos) AS first_pos
FROM event_periods
GROUP BY actor_low, actor_high;

-- The relations, numbered in order of each pair's first event, then time
-- (the order and ids of the app's import: r1, r2, ...). Months: from
-- inclusive, until exclusive.
CREATE OR REPLACE TEMP TABLE relations AS
SELECT
  row_number() OVER (ORDER BY pairs.first_pos, min(window_start)) AS relation_no,
  pairs.source,
  pairs.target,
  islands.actor_low,
  islands.actor_high,
  any_value(kind) AS kind,
  min(window_start) AS from_month,
  max(window_start) + getvariable('window_months') AS until_month,
  count(*) AS window_count,
  sum(events) AS events,
  CAST(sum(score_milli) / (1000 * sum(events)) AS DOUBLE) AS mean_score,
  min(low_score) AS low_score,
  max(high_score) AS high_score,
  sum(scored_from_quad_class) AS scored_from_quad_class,
  sum(quad_1) AS quad_1,
  sum(quad_2) AS quad_2,
  sum(quad_3) AS quad_3,
  sum(quad_4) AS quad_4,
  sum(quad_none) AS quad_none,
  sum(quoted_events) AS quoted_events
FROM islands
JOIN pairs USING (actor_low, actor_high)
GROUP BY pairs.source, pairs.target, islands.actor_low, islands.actor_high, island, pairs.first_pos;

-- The windows of each relation, for its note.
CREATE OR REPLACE TEMP TABLE relation_windows AS
SELECT relations.relation_no, kinds.window_start, kinds.events, kinds.mean_score
FROM relations
JOIN kinds
  ON kinds.actor_low = relations.actor_low
  AND kinds.actor_high = relations.actor_high
  AND kinds.window_start >= relations.from_month
  AND kinds.window_start < relations.until_month;

-- Evidence (event-notes.ts, pickEvidence): at most max_evidence events per
-- relation (every GDELT event is quotable: its coding), first those whose
-- score has the sign of the kind (any, for contact), then by date and pos,
-- picked among the candidates of the relation's periods. picked.sql reads
-- their rows.
-- Each candidate becomes one number that sorts as its key does (date, then
-- pos), with the event's direction in its lowest bit (whether its actor 1 is
-- the pair's lower actor), which tells its actors back. The smallest
-- max_evidence of them per relation, those of the kind's sign first, are
-- the picks in rank order: two small aggregates per relation, where a
-- row_number() over 35k partitions sorted every candidate with its columns
-- (most of this statement's time for a million GDELT rows: docs/SCALE.md,
-- "Session 10"). A key fits a BIGINT with its bit: the latest DATE a reader
-- makes is 9999-12-31, 3,652,058 days (below 2^22) × 2^40.
CREATE OR REPLACE TEMP TABLE evidence_picks AS
WITH candidates AS (
  SELECT
    relations.relation_no,
    relations.kind = 'contact'
      OR event_periods.score_sign = CASE WHEN relations.kind = 'cooperation' THEN 1 ELSE -1 END
      AS of_sign,
    unnest(event_periods.candidates) * 2
      + CAST(event_periods.actor1 = event_periods.actor_low AS BIGINT) AS pick_key
  FROM event_periods
  JOIN relations
    ON event_periods.actor_low = relations.actor_low
    AND event_periods.actor_high = relations.actor_high
    AND event_periods.window_start >= relations.from_month
    AND event_periods.window_start < relations.until_month
),
picked AS (
  SELECT
    relation_no,
    coalesce(min(pick_key, greatest(getvariable('max_evidence'), 1)) FILTER (WHERE of_sign), [])
      || coalesce(min(pick_key, greatest(getvariable('max_evidence'), 1)) FILTER (WHERE NOT of_sign), [])
      AS pick_keys
  FROM candidates
  GROUP BY relation_no
),
ranked AS (
  SELECT
    relation_no,
    unnest(generate_series(1, len(pick_keys))) AS rank,
    unnest(pick_keys) AS pick_key
  FROM picked
)
SELECT
  ranked.relation_no,
  CASE WHEN pick_key & 1 = 1 THEN actor_low ELSE actor_high END AS actor1,
  CASE WHEN pick_key & 1 = 1 THEN actor_high ELSE actor_low END AS actor2,
  (pick_key >> 1) % 1099511627776 AS pos,
  rank
FROM ranked
JOIN relations USING (relation_no)
WHERE rank <= getvariable('max_evidence');

-- Actors in order of first appearance (actor 1 before actor 2 in an
-- event), kept when a relation names them (event-actors.ts); each is named
-- by the first event that gives it a name, which picked.sql reads. An actor
-- is on one side of an event at most, so pos * 2 (+ 1 for actor 2) orders
-- its appearances and tells the side.
CREATE OR REPLACE TEMP TABLE actors AS
WITH appearances AS (
  SELECT actor1 AS id, first_pos * 2 AS place, name1_pos * 2 AS name_place, type1_pos * 2 AS type_place
  FROM event_periods
  UNION ALL
  SELECT actor2, first_pos * 2 + 1, name2_pos * 2 + 1, type2_pos * 2 + 1
  FROM event_periods
),
related AS (
  SELECT source AS id FROM relations UNION SELECT target FROM relations
)
SELECT
  appearances.id,
  min(appearances.place) AS first_place,
  min(appearances.name_place) AS name_place,
  min(appearances.type_place) AS type_place,
  bool_or(related.id IS NOT NULL) AS related
FROM appearances
LEFT JOIN related ON related.id = appearances.id
GROUP BY appearances.id;

-- The rows the second pass (picked.sql) reads: the evidence picked and the
-- first row to name each actor that has a relation. Its readers keep only
-- these positions before they read the rest of a row (readers.ts).
CREATE OR REPLACE TEMP TABLE wanted_positions AS
SELECT pos FROM evidence_picks
UNION
SELECT name_place // 2 FROM actors WHERE related AND name_place IS NOT NULL
UNION
SELECT type_place // 2 FROM actors WHERE related AND type_place IS NOT NULL;
