-- A court's case number is looked up on every referral (a case number is registered once) and by the results API.
create index disputes_court_case_idx on mediation.disputes (court_case_number) where court_case_number is not null;
