-- The dispute register lists newest first: an index in that order lets the first pages of a city-wide list read
-- 20 rows instead of sorting 10^6 (docs/benchmarks.md, serving 10^6 matters).
create index disputes_registered_idx on mediation.disputes (registered_at desc, id);
