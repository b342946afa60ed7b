-- Settle one request: adjust counter reservations to actual usage, release leases.
-- KEYS[i]: state keys; ARGV: rid, then 2 values per key: kind ('c' | 'l'), delta.
-- A counter whose window already expired is left alone (no key resurrected without expiry).
local rid = ARGV[1]
for i = 1, #KEYS do
  local kind, delta = ARGV[2 + (i - 1) * 2], tonumber(ARGV[3 + (i - 1) * 2])
  if kind == 'c' then
    if delta ~= 0 and redis.call('EXISTS', KEYS[i]) == 1 then
      redis.call('INCRBY', KEYS[i], delta)
    end
  elseif kind == 'l' then
    redis.call('ZREM', KEYS[i], rid)
  end
end
return 1
