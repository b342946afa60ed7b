#!lua flags=allow-oom
-- allow-oom: settling only releases leases and adjusts counters; it must run on a full Redis.
-- Settle one request: adjust counter reservations to actual usage, release leases.
-- KEYS[i]: state keys; ARGV: rid, then 3 values per key: kind ('c' | 'l'), delta, window_start_ms.
-- A counter is adjusted only while it still holds the reservation's window: usage settled after
-- its window ended is not carried into the next one.
local rid = ARGV[1]
for i = 1, #KEYS do
  local b = 2 + (i - 1) * 3
  local kind, delta = ARGV[b], tonumber(ARGV[b + 1])
  -- pcall: the key may hold another measure's state now (the limit changed measure under its name), left alone
  if kind == 'c' then
    if delta ~= 0 and redis.pcall('HGET', KEYS[i], 'w') == ARGV[b + 2] then
      redis.call('HINCRBY', KEYS[i], 'u', delta)
    end
  elseif kind == 'l' then
    redis.pcall('ZREM', KEYS[i], rid)
  end
end
return 1
