-- Aborts the statement that calls it, with an error code of ours: a statement that writes many rows through
-- data-modifying CTEs and finds, once it has written some, that it must not go on (a party inserted concurrently by
-- another registration) calls it, and everything the statement wrote is undone (ADR 0011).
create function kernel.fail(code text, message text) returns boolean
language plpgsql volatile as $$
begin
  raise exception using errcode = code, message = message;
end
$$;
comment on function kernel.fail(text, text) is '中止调用它的语句 (回滚该语句的全部写入)，报告给定的错误码与消息';
