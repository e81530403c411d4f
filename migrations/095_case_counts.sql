-- How many cases each council has at each stage, kept by triggers, for the work tray's "of N
-- cases": counting 100,000 rows on every view cost more than the rest of the page.

CREATE TABLE case_counts (
  council_id uuid NOT NULL REFERENCES councils (id),
  current_stage text NOT NULL,
  cases bigint NOT NULL,
  PRIMARY KEY (council_id, current_stage)
);

INSERT INTO case_counts (council_id, current_stage, cases)
SELECT council_id, current_stage, count(*) FROM cases GROUP BY council_id, current_stage;

-- Once per statement (a bulk insert is one upsert per council and stage). An update that moves
-- no case to another council or stage writes nothing. Rows are changed in key order, so two
-- transactions moving cases between the same stages cannot deadlock.
CREATE FUNCTION case_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_counts AS cc (council_id, current_stage, cases)
    SELECT council_id, current_stage, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (council_id, current_stage) DO UPDATE SET cases = cc.cases + EXCLUDED.cases;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_counts AS cc (council_id, current_stage, cases)
    SELECT council_id, current_stage, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (council_id, current_stage) DO UPDATE SET cases = cc.cases + EXCLUDED.cases;
  ELSE
    INSERT INTO case_counts AS cc (council_id, current_stage, cases)
    SELECT council_id, current_stage, sum(delta) FROM (
      SELECT o.council_id, o.current_stage, -1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.council_id, o.current_stage) IS DISTINCT FROM (n.council_id, n.current_stage)
      UNION ALL
      SELECT n.council_id, n.current_stage, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.council_id, o.current_stage) IS DISTINCT FROM (n.council_id, n.current_stage)
    ) moved
    GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
    ON CONFLICT (council_id, current_stage) DO UPDATE SET cases = cc.cases + EXCLUDED.cases;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER case_counts_on_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_follow();
CREATE TRIGGER case_counts_on_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_follow();
CREATE TRIGGER case_counts_on_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_follow();
