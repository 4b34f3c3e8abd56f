-- The cell rules of the event-table formats (ICEWS, ACLED, UCDP GED and
-- generic event tables) as DuckDB macros, for the readers that
-- scripts/duckdb/tableReaders.ts writes per file (a file's columns are known
-- only from its header). Each macro mirrors a function of the in-memory
-- import, named beside it, so that both read a row alike: the same events,
-- and a bad cell the same error. Plain SQL: on another engine these are
-- user-defined SQL functions.

-- String.prototype.trim: JavaScript trims every Unicode space, not only ' '.
-- Cells rarely have any: one that starts and ends with a printable ASCII
-- character is kept as it is without scanning it (the trim was most of a
-- table's per-row cost).
CREATE OR REPLACE TEMP MACRO js_trim(x) AS
  CASE
    WHEN ascii(x) BETWEEN 33 AND 126 AND ascii(x[-1:]) BETWEEN 33 AND 126 THEN x
    ELSE trim(x, chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160)
      || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196)
      || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202)
      || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288) || chr(65279))
  END;

-- csv.ts, unguardCell: one ' in front of a formula character is dropped.
CREATE OR REPLACE TEMP MACRO unguard(x) AS
  CASE WHEN starts_with(x, '''') AND regexp_matches(x, '^''+[=+\-@\t\r]') THEN x[2:] ELSE x END;

-- JSON.stringify of a text, as messages quote values.
CREATE OR REPLACE TEMP MACRO quoted(x) AS CAST(to_json(x) AS VARCHAR);

-- One problem of a row, as checks.sql lists it (column NULL: the whole row).
CREATE OR REPLACE TEMP MACRO problem(column_name, value, message) AS
  {'column_name': CAST(column_name AS VARCHAR), 'value': CAST(value AS VARCHAR), 'message': CAST(message AS VARCHAR)};

-- event-rows.ts, parseEventDate: YYYYMMDD (GDELT) as ISO; other text as it is.
CREATE OR REPLACE TEMP MACRO event_date_iso(t) AS
  regexp_replace(t, '^(\d{4})(\d{2})(\d{2})$', '\1-\2-\3');

-- dates.ts, dateProblem, on text already shaped YYYY-MM or YYYY-MM-DD.
CREATE OR REPLACE TEMP MACRO iso_date_problem(iso) AS
  CASE
    WHEN CAST(iso[6:7] AS INTEGER) NOT BETWEEN 1 AND 12
      THEN 'has month ' || iso[6:7] || ', which is not between 01 and 12'
    WHEN length(iso) = 10 AND (
      CAST(iso[9:10] AS INTEGER) < 1
      OR CAST(iso[9:10] AS INTEGER) > day(last_day(make_date(CAST(iso[1:4] AS INTEGER), CAST(iso[6:7] AS INTEGER), 1)))
    )
      THEN 'has day ' || iso[9:10] || ', but ' || strftime(make_date(2000, CAST(iso[6:7] AS INTEGER), 1), '%B')
        || ' ' || CAST(CAST(iso[1:4] AS INTEGER) AS VARCHAR) || ' has '
        || CAST(day(last_day(make_date(CAST(iso[1:4] AS INTEGER), CAST(iso[6:7] AS INTEGER), 1))) AS VARCHAR) || ' days'
  END;

-- event-rows.ts, parseEventDate: why the text is no event date, or NULL.
CREATE OR REPLACE TEMP MACRO event_date_problem(t) AS
  CASE
    WHEN regexp_full_match(t, '\d{4}')
      THEN 'gives only a year; an event needs at least a month (YYYY-MM)'
    WHEN NOT regexp_full_match(event_date_iso(t), '\d{4}-\d{2}(-\d{2})?')
      THEN 'is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)'
    ELSE iso_date_problem(event_date_iso(t))
  END;

-- The first day of an ISO date of a day or a month (the month is what windows read).
CREATE OR REPLACE TEMP MACRO iso_day(iso) AS
  TRY_CAST(CASE WHEN length(iso) = 7 THEN iso || '-01' ELSE iso END AS DATE);

-- acled.ts, parseAcledDate: `31 January 2023`, `31-Jan-2023` or `2023-01-31`.
CREATE OR REPLACE TEMP MACRO acled_named_month(t) AS
  list_position(
    ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
     'september', 'october', 'november', 'december'],
    lower(regexp_extract(t, '^\d{1,2}[\s-]+([A-Za-z]+)[\s-]+\d{4}$', 1))
  );
CREATE OR REPLACE TEMP MACRO acled_short_month(t) AS
  list_position(
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    lower(regexp_extract(t, '^\d{1,2}[\s-]+([A-Za-z]{3})[\s-]+\d{4}$', 1))
  );
CREATE OR REPLACE TEMP MACRO acled_iso(t) AS
  CASE
    WHEN regexp_full_match(t, '\d{1,2}[\s-]+[A-Za-z]+[\s-]+\d{4}')
      AND coalesce(acled_named_month(t), acled_short_month(t)) IS NOT NULL
      THEN regexp_extract(t, '(\d{4})$', 1) || '-'
        || lpad(CAST(coalesce(acled_named_month(t), acled_short_month(t)) AS VARCHAR), 2, '0') || '-'
        || lpad(regexp_extract(t, '^(\d{1,2})', 1), 2, '0')
    WHEN regexp_full_match(t, '\d{4}-\d{2}-\d{2}') THEN t
  END;
CREATE OR REPLACE TEMP MACRO acled_date_problem(t) AS
  CASE
    WHEN regexp_full_match(t, '\d{1,2}[\s-]+[A-Za-z]+[\s-]+\d{4}')
      AND coalesce(acled_named_month(t), acled_short_month(t)) IS NULL
      THEN 'has no month called "' || regexp_extract(t, '^\d{1,2}[\s-]+([A-Za-z]+)', 1) || '"'
    WHEN acled_iso(t) IS NULL THEN 'is not an ACLED date (expected 2023-01-31 or 31 January 2023)'
    ELSE iso_date_problem(acled_iso(t))
  END;

-- ucdp-ged.ts, gedDate: `2019-01-03` or `2019-01-03 00:00:00.000`; the day is kept.
CREATE OR REPLACE TEMP MACRO ged_iso(t) AS
  regexp_extract(t, '^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$', 1);
CREATE OR REPLACE TEMP MACRO ged_date_problem(t) AS
  CASE
    WHEN ged_iso(t) = '' THEN 'is not a date (expected YYYY-MM-DD)'
    ELSE iso_date_problem(ged_iso(t))
  END;

-- cameo.ts, cameoRoot: the QuadClass of a CAMEO code (2 to 4 digits, root 01-20), else NULL.
CREATE OR REPLACE TEMP MACRO cameo_quad_class(code) AS
  CASE
    WHEN NOT regexp_full_match(code, '\d{2,4}') THEN NULL
    WHEN CAST(code[1:2] AS INTEGER) BETWEEN 1 AND 5 THEN 1
    WHEN CAST(code[1:2] AS INTEGER) BETWEEN 6 AND 8 THEN 2
    WHEN CAST(code[1:2] AS INTEGER) BETWEEN 9 AND 13 THEN 3
    WHEN CAST(code[1:2] AS INTEGER) BETWEEN 14 AND 20 THEN 4
  END;

-- event-columns.ts, QUAD_CLASS_SCORE: the score of an event known by its QuadClass only.
CREATE OR REPLACE TEMP MACRO quad_class_score(q) AS
  CASE q WHEN 1 THEN 2.3 WHEN 2 THEN 6 WHEN 3 THEN -3.8 WHEN 4 THEN -7.7 END;

-- event-rows.ts, goldstein: the finite number a Goldstein cell holds (a
-- decimal comma in `;`-separated files), NULL when it holds none;
-- JavaScript's Number() takes what DuckDB's DOUBLE cast takes for decimal text.
CREATE OR REPLACE TEMP MACRO goldstein_number(t, decimal_comma) AS
  TRY_CAST(CASE WHEN decimal_comma THEN regexp_replace(t, ',', '.') ELSE t END AS DOUBLE);
CREATE OR REPLACE TEMP MACRO goldstein_value(t, decimal_comma) AS
  CASE WHEN isfinite(goldstein_number(t, decimal_comma)) THEN goldstein_number(t, decimal_comma) END;

-- The list of a row's problems without the checks that passed.
CREATE OR REPLACE TEMP MACRO found(problems) AS list_filter(problems, p -> p IS NOT NULL);

-- acled.ts, sideOf: a list without its repeats, in the order of first mention.
CREATE OR REPLACE TEMP MACRO ordered_distinct(l) AS list_filter(l, (x, i) -> list_position(l, x) = i);
