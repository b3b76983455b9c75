-- The kernel owns what every matter has (issue #10 item 3): a dispute's number, title, unit, status, registration
-- and closing times and outcome are kernel.matters' (same id); mediation.disputes kept copies, written by the
-- opening statement and synced by hand on every action. The copies go; reads join kernel.matters through the
-- kernel's query helpers (packages/kernel/src/matters/matter-view.ts) and the indicator engine reads a matter-backed
-- source's unit, status and times from kernel.matters (indicators/sources.ts matterColumn).

-- Every copy should equal the kernel's value (a closing time may differ by the milliseconds between the two writes of
-- one action, which no figure sees). The kernel's is the truth (its status caches the action log), so a copy that
-- disagrees is only reported, and the upgrade goes on.
do $$
declare
  differing bigint;
begin
  select count(*) into differing from mediation.disputes d join kernel.matters m on m.id = d.id
  where m.number <> d.number or m.title <> d.title or m.org_id <> d.org_id or m.status <> d.status
     or m.outcome is distinct from d.outcome or (m.closed_at is null) <> (d.closed_at is null);
  if differing > 0 then
    raise notice '% 件纠纷的冗余列与 kernel.matters 不一致，以 kernel.matters 为准', differing;
  end if;
end
$$;

alter table mediation.disputes
  drop column number,
  drop column title,
  drop column org_id,
  drop column status,
  drop column registered_at,
  drop column closed_at,
  drop column outcome;
comment on table mediation.disputes is '人民调解纠纷 (与 kernel.matters 同 id；编号、名称、受理单位、状态、登记与办结时间、结果在 kernel.matters)';

-- The indexes that went with the columns (disputes_org_accepted_idx, disputes_org_registered_idx, disputes_status_idx,
-- disputes_watch_idx, disputes_registered_idx), moved: units and states are searched through kernel.matters' own
-- indexes (matters_org_idx, matters_module_status_idx); the period on acceptance, the watch list and the register's
-- newest-first order (its first pages read 20 rows, not 10^6 — docs/benchmarks.md) get these.
create index disputes_accepted_idx on mediation.disputes (accepted_at);
comment on index mediation.disputes_accepted_idx is '按受理时间统计 (指标的统计期间)';
create index disputes_risk_idx on mediation.disputes (id) where at_risk;
comment on index mediation.disputes_risk_idx is '有激化风险的纠纷 (重点关注)';
create index matters_mediation_opened_idx on kernel.matters (opened_at desc, id) where module = 'mediation';
comment on index kernel.matters_mediation_opened_idx is '人民调解纠纷登记簿按登记时间倒序 (首页只读 20 行)';
