-- One-time codes leave the outbox once sent (issue #11 item 8, ADR 0019): the sender replaces `text` by
-- `redacted_text`. Messages already sent or failed lose their codes now.
alter table kernel.sms_outbox add column redacted_text text;
comment on column kernel.sms_outbox.redacted_text is '发出后替换正文的脱敏文本 (去掉验证码等一次性内容)；为空则正文不含此类内容';
update kernel.sms_outbox set text = regexp_replace(text, '验证码为 [0-9]{6}', '验证码为 ******') where purpose = 'otp' and status <> 'pending';
-- A plain SM3 of a six-digit code is undone by trying all 10^6 codes: the hash is now keyed (HMAC-SM3 under a key
-- derived from the data key). Codes of the old form cannot be checked any more: they expire within minutes.
comment on column kernel.otp_challenges.code_hash is '验证码摘要 HMAC-SM3(由数据密钥派生的密钥, 编号:验证码)；不含数据密钥无法由摘要推出验证码';
