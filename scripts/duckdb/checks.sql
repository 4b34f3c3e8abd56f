-- Row problems the CSV reader's types cannot catch (its casts are checked by
-- DuckDB itself: see reject_errors). Each is an error at its row and column,
-- as in the app's event-table import (src/core/io/event-rows.ts). The
-- runner reads the first ones in input order and the total. This reads the
-- files again, once, so it runs only when aggregate.sql counted problem
-- rows; by aggregate.sql's macro has_problem, the condition of its row_kind
-- 'problem'.
CREATE OR REPLACE TEMP TABLE problem_rows AS
SELECT *
FROM events
WHERE has_problem(problems, pos, event_date, short_row, goldstein, goldstein_text,
  quad_class, quad_text);

CREATE OR REPLACE TEMP TABLE problems AS
SELECT pos, file_no, line, event_id, 'GLOBALEVENTID' AS column_name, event_id AS value,
  CASE WHEN event_id IS NULL THEN 'the row has no GLOBALEVENTID (the DuckDB import orders events by it)'
       ELSE 'is not a GLOBALEVENTID: GDELT numbers its events with whole numbers (the DuckDB import reads those below 2^40)' END AS message,
  -- A GDELT row's problems are ordered by column name; a table row's as listed.
  0 AS problem_no
FROM problem_rows WHERE problems IS NULL AND pos IS NULL
UNION ALL
SELECT pos, file_no, line, event_id, 'SQLDATE', date_text,
  CASE WHEN date_text IS NULL THEN 'the row has no date'
       ELSE 'is not a date (expected YYYYMMDD as GDELT writes it, or YYYY-MM-DD)' END, 0
FROM problem_rows WHERE problems IS NULL AND event_date IS NULL
UNION ALL
SELECT pos, file_no, line, event_id, 'GoldsteinScale', goldstein_text,
  'is not a number (Goldstein scores run from -10 to +10)', 0
FROM problem_rows WHERE problems IS NULL AND goldstein IS NULL AND goldstein_text IS NOT NULL
UNION ALL
SELECT pos, file_no, line, event_id, 'GoldsteinScale', CAST(goldstein AS VARCHAR),
  'is outside the Goldstein scale (-10 to +10)', 0
FROM problem_rows WHERE problems IS NULL AND (goldstein < -10 OR goldstein > 10)
UNION ALL
SELECT pos, file_no, line, event_id, 'QuadClass', quad_text,
  'is not a QuadClass: expected 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)', 0
FROM problem_rows WHERE problems IS NULL AND quad_class IS NULL AND quad_text IS NOT NULL
UNION ALL
SELECT pos, file_no, line, event_id, 'GoldsteinScale', NULL,
  'the row has no score (no Goldstein value and no QuadClass)', 0
FROM problem_rows
WHERE problems IS NULL AND goldstein IS NULL AND goldstein_text IS NULL AND quad_class IS NULL AND quad_text IS NULL
UNION ALL
SELECT pos, file_no, line, event_id, 'DATEADDED', NULL,
  'the row ends before DATEADDED: it has fewer than 57 columns (a GDELT 1.0 row has 57 or 58)', 0
FROM problem_rows WHERE problems IS NULL AND short_row
UNION ALL
-- A table format's problems, as its reader listed them (tableReaders.ts), in their order.
SELECT pos, file_no, line, event_id, listed.p.column_name, listed.p.value, listed.p.message, listed.i
FROM (
  SELECT *, unnest(list_transform(problems, (p, i) -> {'p': p, 'i': i})) AS listed
  FROM problem_rows WHERE problems IS NOT NULL
);
