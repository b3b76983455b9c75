-- The monthly report's figures recorded on the agreement (features.md M6; issue #4): civil disputes prevented from
-- turning into criminal cases 防止民转刑 and mass petitions prevented 防止群体性上访, each counted in cases and in
-- persons involved. The agreement's amount (协议涉及金额) is agreement_amount_fen already (0001).
alter table mediation.disputes
  add column prevented_criminal boolean not null default false,
  add column prevented_mass_petition boolean not null default false,
  add column persons_involved integer check (persons_involved between 1 and 100000);
comment on column mediation.disputes.prevented_criminal is '防止民间纠纷转化为刑事案件 (防止民转刑，调解成功时认定)';
comment on column mediation.disputes.prevented_mass_petition is '防止群体性上访 (调解成功时认定)';
comment on column mediation.disputes.persons_involved is '涉及人数 (月报“防止民转刑”“防止群体性上访”的人数)';
