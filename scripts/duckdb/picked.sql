-- The second and last pass over the events: the rows aggregate.sql picked,
-- as evidence (evidence_picks: at most max_evidence per relation) and as
-- the first to name an actor that has a relation (actors.name_place). The
-- view picked_events streams the files past a hash of those positions
-- (wanted_positions, a small table; the runner keeps DuckDB from hashing
-- the events instead) and turns only the rows it keeps into values.
-- GLOBALEVENTID is unique in GDELT; the actors are matched too, so that a
-- file repeating an id still quotes an event of the right pair.
CREATE OR REPLACE TEMP TABLE picked_rows AS
SELECT pos, file_no, line, event_id, event_date, date_iso, goldstein, quad_class, actor1, actor2,
  name1, name2, event_code, source_url, quote, source_text, type1, type2, detail
FROM picked_events;

-- The evidence: what its quotes and notes show. A view: the dataset's
-- builder reads it once, and copying its 143k rows with their texts into a
-- table cost more than the join (a million GDELT rows: docs/SCALE.md,
-- "Session 10").
CREATE OR REPLACE TEMP VIEW evidence AS
SELECT
  picks.relation_no,
  picks.rank,
  picked_rows.event_id,
  picked_rows.event_date,
  coalesce(picked_rows.goldstein, CASE picked_rows.quad_class WHEN 1 THEN 2.3 WHEN 2 THEN 6 WHEN 3 THEN -3.8 WHEN 4 THEN -7.7 END) AS score,
  picked_rows.goldstein IS NULL AS scored_from_quad_class,
  picked_rows.quad_class,
  picked_rows.actor1,
  picked_rows.actor2,
  picked_rows.name1,
  picked_rows.name2,
  picked_rows.event_code,
  picked_rows.source_url,
  -- A table format's row: where it is, what it quotes and cites, what its note adds.
  picked_rows.file_no,
  picked_rows.line,
  picked_rows.date_iso,
  picked_rows.quote,
  picked_rows.source_text,
  picked_rows.detail
FROM evidence_picks AS picks
JOIN picked_rows
  ON picked_rows.pos = picks.pos
  AND picked_rows.actor1 = picks.actor1
  AND picked_rows.actor2 = picks.actor2;

-- Each actor's name: from the side of the event that first names it.
CREATE OR REPLACE TEMP TABLE actor_names AS
SELECT
  actors.id,
  CASE WHEN actors.name_place % 2 = 0 THEN picked_rows.name1 ELSE picked_rows.name2 END AS name
FROM actors
JOIN picked_rows
  ON picked_rows.pos = actors.name_place // 2
  AND actors.id = CASE WHEN actors.name_place % 2 = 0 THEN picked_rows.actor1 ELSE picked_rows.actor2 END;

-- Each actor's type, where the format tells it (ICEWS, ACLED, GED): from the
-- side of the event that first tells it.
CREATE OR REPLACE TEMP TABLE actor_types AS
SELECT
  actors.id,
  CASE WHEN actors.type_place % 2 = 0 THEN picked_rows.type1 ELSE picked_rows.type2 END AS type
FROM actors
JOIN picked_rows
  ON picked_rows.pos = actors.type_place // 2
  AND actors.id = CASE WHEN actors.type_place % 2 = 0 THEN picked_rows.actor1 ELSE picked_rows.actor2 END;
